/** How an audit line reads on screen: the action in words, the person by name, the detail in the screen's language. */
import type { TFunction } from 'i18next';
import { auditDetailText, languageName } from '../../shared/contract/auditDetail.ts';
import type { AuditEntry } from '../../shared/contract/workspaceApi.ts';

// The keys below live in the workspace namespace: callers pass the t of useT('workspace').
type T = TFunction;

/** The action in words ("Profiel bekeken"); an unknown code (a newer server) shows as it is. */
export function actionText(t: T, action: string): string {
  const key = `audit.actions.${action}`;
  const text = t(key);
  return text === key ? action : text;
}

/** Who did it: the account's name, or "System (automatic)" for the server's own jobs. */
export function actorText(t: T, e: AuditEntry): string {
  return e.actorId === null ? t('audit.system') : e.actorName;
}

/**
 * The detail in words of the screen's language `lang` ("Wachtwoord opnieuw ingesteld"), the account it is about
 * by name; a line no rule knows is shown as the server wrote it, with ids of accounts replaced by names.
 */
export function detailText(t: T, e: AuditEntry, lang: string): string {
  const name = e.subjectId ? (e.subjectName ?? t('audit.removed_account')) : '';
  const text = auditDetailText(e.action, e.detail, name, {
    part: (key, values) => t(`audit.detail_parts.${key}`, values),
    role: (r) => t(`roles.${r}`),
    status: (s) => t(`audit.review_status.${s}`),
    fit: (f) => t(`judgement.fit_${f}`),
    language: (code) => languageName(code, lang),
  });
  if (text !== null) return text;
  if (!e.subjectId) return e.detail;
  return e.detail.includes(e.subjectId)
    ? e.detail.split(e.subjectId).join(name)
    : [e.detail, t('audit.about', { name })].filter(Boolean).join('; ');
}
