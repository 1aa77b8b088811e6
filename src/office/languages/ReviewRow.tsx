/** One string in the review list: Dutch beside the translation (every plural form), where it appears, its status. */
import type { LanguageStrings, ReviewString } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';

/** Props: the string, its language and what to do when the reviewer picks a status. */
export interface ReviewRowProps {
  readonly s: ReviewString;
  readonly lang: LanguageStrings;
  readonly onStatus: (status: ReviewString['status']) => void;
}

const STATUSES = ['draft', 'reviewed', 'approved'] as const;

/** The row. */
export function ReviewRow({ s, lang, onStatus }: ReviewRowProps) {
  const t = useT('workspace');
  const plural = s.forms.length > 1;
  return (
    <tr data-string={s.id} data-status={s.status}>
      <td lang="nl">
        {s.forms.map((f) => (
          <p key={f.key}>
            {plural && <span class="muted">{f.category}: </span>}
            {f.source}
          </p>
        ))}
        <p class="hint">{s.location}</p>
      </td>
      <td lang={lang.code} dir={lang.dir}>
        {s.forms.map((f) => (
          <p key={f.key}>
            {plural && (
              <span class="muted" dir="ltr">
                {f.category}:{' '}
              </span>
            )}
            {f.target ?? <em class="missing">{t('translation.missing')}</em>}
          </p>
        ))}
      </td>
      <td>
        <select
          aria-label={t('translation.status_of', { id: s.id })}
          value={s.status}
          onChange={(e) => onStatus(e.currentTarget.value as ReviewString['status'])}
        >
          {STATUSES.map((x) => (
            <option key={x} value={x}>
              {t(`translation.status_${x}`)}
            </option>
          ))}
        </select>
        {s.reviewedBy && s.reviewedAt && (
          <p class="hint">
            {t('translation.by_at', {
              name: s.reviewedBy,
              at: new Intl.DateTimeFormat(undefined, {
                dateStyle: 'short',
                timeStyle: 'short',
              }).format(new Date(s.reviewedAt)),
            })}
          </p>
        )}
      </td>
    </tr>
  );
}
