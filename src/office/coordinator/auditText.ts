/** How an audit line reads on screen: the action in words, the person by name, the detail in the screen's language. */
import type { TFunction } from 'i18next';
import { auditDetailParts } from '../../shared/contract/auditDetail.ts';
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
  const parts = auditDetailParts(e.action, e.detail);
  if (parts.length > 0)
    return parts
      .map((p) => t(`audit.detail_parts.${p.key}`, readable(t, p.values, name, lang)))
      .join('; ');
  if (!e.subjectId) return e.detail;
  return e.detail.includes(e.subjectId)
    ? e.detail.split(e.subjectId).join(name)
    : [e.detail, t('audit.about', { name })].filter(Boolean).join('; ');
}

/** The values of a detail as people read them: roles, statuses and languages in words, an account by name. */
function readable(t: T, v: Readonly<Record<string, string>>, name: string, lang: string) {
  const out: Record<string, string> = { ...v, name: v.name ?? name };
  if (v.role) out.role = t(`roles.${v.role}`);
  if (v.status) out.status = t(`audit.review_status.${v.status}`);
  if (v.fit) out.fit = t(`judgement.fit_${v.fit}`);
  out.account = name;
  if (v.lng) out.language = languageName(v.lng, lang);
  return out;
}

/** "Arabisch" / "Arabic" for "ar" in the screen's language; the code where the browser has no name for it. */
function languageName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
