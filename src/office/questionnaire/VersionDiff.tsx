/** What a new questionnaire version changes, as a coordinator checks it before storing: items, then scales. */
import type { VersionPreview } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';

/** Props: the server's preview. */
export interface VersionDiffProps {
  readonly preview: VersionPreview;
}

/** The diff. */
export function VersionDiff({ preview }: VersionDiffProps) {
  const t = useT('workspace');
  const { items, scales } = preview;
  const rows = [
    ...items.changed.map((c) => ({ kind: 'changed' as const, c })),
    ...items.added.map((c) => ({ kind: 'added' as const, c })),
    ...items.removed.map((c) => ({ kind: 'removed' as const, c })),
  ];
  const scaleRows = [
    ...scales.changed.map((s) => ({ kind: 'changed' as const, s })),
    ...scales.added.map((s) => ({ kind: 'added' as const, s })),
    ...scales.removed.map((s) => ({ kind: 'removed' as const, s })),
  ];
  return (
    <div class="version-diff" data-testid="version-diff">
      <h3>{t('questionnaire.diff_items', { count: rows.length })}</h3>
      {rows.length > 0 && (
        <table class="ws-table version-diff-items">
          <thead>
            <tr>
              <th scope="col">{t('questionnaire.item')}</th>
              <th scope="col">{t('questionnaire.change')}</th>
              <th scope="col">{t('questionnaire.before', { version: preview.baseVersion })}</th>
              <th scope="col">{t('questionnaire.after', { version: preview.version })}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ kind, c }) => (
              <tr key={c.id} data-item={c.id} data-change={kind}>
                <th scope="row">{c.id}</th>
                <td>{t(`questionnaire.kind_${kind}`)}</td>
                <td lang="nl">
                  {c.before ? (
                    <del>
                      {c.before.text}
                      <span class="hint"> ({c.before.scale})</span>
                    </del>
                  ) : (
                    '—'
                  )}
                </td>
                <td lang="nl">
                  {c.after ? (
                    <ins>
                      {c.after.text}
                      <span class="hint"> ({c.after.scale})</span>
                    </ins>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('questionnaire.diff_scales', { count: scaleRows.length })}</h3>
      {scaleRows.length > 0 && (
        <ul class="scale-changes">
          {scaleRows.map(({ kind, s }) => (
            <li key={s.id} data-scale={s.id} data-change={kind}>
              <strong>{s.label}</strong>
              {s.label.toLowerCase() === s.id ? '' : ` (${s.id})`}:{' '}
              {t(`questionnaire.kind_${kind}`)}
              {s.fields.length > 0 && ` — ${s.fields.join(', ')}`}
            </li>
          ))}
        </ul>
      )}
      <p class="hint">{t('questionnaire.shared', { scales: preview.shared.join(', ') })}</p>
      <p class="hint">
        {t('questionnaire.languages_with', {
          languages: preview.languages.join(', ') || '—',
        })}
      </p>
    </div>
  );
}
