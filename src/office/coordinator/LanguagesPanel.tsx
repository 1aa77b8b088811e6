/**
 * Languages and translations: per language its review verdict, the version of its texts, and per part (kiosk texts,
 * statements, answers, summary) how much is translated, reviewed and approved; each links to its review page.
 */
import type { LanguageReview, PartCoverage } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { call } from '../api.ts';
import { Link } from '../Link.tsx';
import { LoadView } from '../LoadView.tsx';
import { href } from '../router.ts';
import { DataTable } from '../ui/DataTable.tsx';
import { useLoad } from '../useLoad.ts';
import { RecordingSummary } from '../recordings/RecordingSummary.tsx';

const PARTS = ['kiosk', 'items', 'answers', 'summary'] as const;

/** The panel. */
export function LanguagesPanel() {
  const t = useT('workspace');
  const [load, reload] = useLoad(() => call('GET /api/languages'), 'languages');
  const set = async (l: LanguageReview, status: 'draft' | 'checked') => {
    await call('PUT /api/languages/:code/review', {
      params: { code: l.code },
      body: { status, note: l.note },
    }).catch(() => undefined);
    reload();
  };
  const coverage = (l: LanguageReview, part: (typeof PARTS)[number]) => {
    const c: PartCoverage | undefined = l.parts.find((p) => p.part === part);
    if (!c) return '—';
    return (
      <span data-part={part}>
        {t('languages.translated', { done: c.translated, total: c.total })}
        <br />
        <span class="hint">
          {t('languages.reviewed_counts', { reviewed: c.reviewed, approved: c.approved })}
        </span>
      </span>
    );
  };
  return (
    <section class="panel" aria-labelledby="languages-title">
      <h2 id="languages-title">{t('languages.title')}</h2>
      <p class="hint">{t('languages.hint')}</p>
      <LoadView load={load}>
        {(langs) => (
          <DataTable
            headings={[
              t('languages.language'),
              t('languages.status'),
              t('languages.version'),
              ...PARTS.map((p) => t(`translation.part_${p}`)),
              '',
              t('recordings.column'),
            ]}
            rows={langs}
            rowKey={(l) => l.code}
            cells={(l) => [
              <span lang={l.code}>
                {l.name} ({l.code})
              </span>,
              t(`languages.status_${l.status}`),
              l.status === 'source' ? '—' : String(l.version),
              ...PARTS.map((p) => coverage(l, p)),
              l.status === 'source' ? null : (
                <>
                  <Link to={href({ name: 'language', code: l.code })}>
                    {t('languages.open', { name: l.name })}
                  </Link>{' '}
                  <button
                    type="button"
                    onClick={() => void set(l, l.status === 'draft' ? 'checked' : 'draft')}
                  >
                    {t(l.status === 'draft' ? 'languages.mark_checked' : 'languages.mark_draft')}
                  </button>
                </>
              ),
              <RecordingSummary lng={l.code} />,
            ]}
          />
        )}
      </LoadView>
    </section>
  );
}
