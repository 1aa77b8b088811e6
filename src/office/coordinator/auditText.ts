/** How an audit line reads on screen: the action in words, the person by name, ids of accounts replaced by names. */
import type { TFunction } from 'i18next';
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

/** The detail with the account it is about by name (or "removed account") instead of its id. */
export function detailText(t: T, e: AuditEntry): string {
  if (!e.subjectId) return e.detail;
  const name = e.subjectName ?? t('audit.removed_account');
  return e.detail.includes(e.subjectId)
    ? e.detail.split(e.subjectId).join(name)
    : [e.detail, t('audit.about', { name })].filter(Boolean).join('; ');
}
