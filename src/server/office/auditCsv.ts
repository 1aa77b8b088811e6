/** The audit log as CSV for a coordinator: one line per entry, the action as its code and as words in nl or en. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEntry } from '../../shared/contract/workspaceApi.ts';
import { csvLine } from '../clients/export.ts';

const LOCALES = join(import.meta.dirname, '../../../locales');

/** Readable names of the audit actions and the words the CSV needs, from the workspace's own locale file. */
export interface AuditWords {
  readonly actions: Readonly<Record<string, string>>;
  readonly system: string;
  readonly removedAccount: string;
  readonly header: readonly string[];
}

/** Reads the workspace texts of `lang` (nl or en), so the CSV and the screen use the same words. */
export function auditWords(lang: 'nl' | 'en'): AuditWords {
  const ws = JSON.parse(readFileSync(join(LOCALES, lang, 'workspace.json'), 'utf8')) as {
    audit: {
      actions: Record<string, string>;
      system: string;
      removed_account: string;
      csv_header: string[];
    };
  };
  return {
    actions: ws.audit.actions,
    system: ws.audit.system,
    removedAccount: ws.audit.removed_account,
    header: ws.audit.csv_header,
  };
}

/** The account an entry is about, by name; ids of accounts that are gone become "removed account". */
export function readableDetail(e: AuditEntry, words: Pick<AuditWords, 'removedAccount'>): string {
  if (!e.subjectId) return e.detail;
  return e.detail.split(e.subjectId).join(e.subjectName ?? words.removedAccount);
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
