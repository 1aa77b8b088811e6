/** The audit log as CSV for a coordinator: one line per entry, the action as its code and as words, the detail in words, in nl or en. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEntry } from '../../shared/contract/workspaceApi.ts';
import { csvLine } from '../clients/export.ts';
import {
  auditDetailText,
  languageName,
  type AuditDetailWords,
} from '../../shared/contract/auditDetail.ts';

const LOCALES = join(import.meta.dirname, '../../../locales');

/** Readable names of the audit actions and the words the CSV needs, from the workspace's own locale file. */
export interface AuditWords {
  readonly actions: Readonly<Record<string, string>>;
  readonly system: string;
  readonly removedAccount: string;
  readonly header: readonly string[];
  /** The detail in this language (see src/shared/contract/auditDetail.ts). */
  readonly detail: AuditDetailWords;
}

/** Reads the workspace texts of `lang` (nl or en), so the CSV and the screen use the same words. */
export function auditWords(lang: 'nl' | 'en'): AuditWords {
  const ws = JSON.parse(readFileSync(join(LOCALES, lang, 'workspace.json'), 'utf8')) as {
    audit: {
      actions: Record<string, string>;
      system: string;
      removed_account: string;
      csv_header: string[];
      detail_parts: Record<string, string>;
      review_status: Record<string, string>;
    };
    roles: Record<string, string>;
    judgement: Record<string, string>;
  };
  const fill = (text: string, values: Readonly<Record<string, string>>) =>
    text.replace(/\{\{(\w+)\}\}/g, (whole, k: string) => values[k] ?? whole);
  return {
    actions: ws.audit.actions,
    system: ws.audit.system,
    removedAccount: ws.audit.removed_account,
    header: ws.audit.csv_header,
    detail: {
      part: (key, values) => fill(ws.audit.detail_parts[key] ?? key, values),
      role: (r) => ws.roles[r] ?? r,
      status: (st) => ws.audit.review_status[st] ?? st,
      fit: (f) => ws.judgement[`fit_${f}`] ?? f,
      language: (code) => languageName(code, lang),
    },
  };
}

/**
 * The detail in the CSV's language with the account it is about by name; a line no rule knows stays as written,
 * ids of accounts replaced by names ("removed account" for accounts that are gone).
 */
export function readableDetail(
  e: AuditEntry,
  words: Pick<AuditWords, 'removedAccount' | 'detail'>,
): string {
  const name = e.subjectId ? (e.subjectName ?? words.removedAccount) : '';
  const text = auditDetailText(e.action, e.detail, name, words.detail);
  if (text !== null) return text;
  if (!e.subjectId) return e.detail;
  return e.detail.split(e.subjectId).join(name);
}

/** The CSV: header, then entries newest first (times in ISO 8601 UTC). */
export function auditCsv(entries: readonly AuditEntry[], words: AuditWords): string {
  return (
    csvLine(words.header) +
    entries
      .map((e) =>
        csvLine([
          e.at,
          e.actorId === null ? words.system : e.actorName,
          e.action,
          words.actions[e.action] ?? e.action,
          e.clientId,
          e.subjectId === null ? null : (e.subjectName ?? words.removedAccount),
          readableDetail(e, words),
        ]),
      )
      .join('')
  );
}
