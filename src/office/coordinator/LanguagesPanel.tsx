/** Language review: which translations are drafts, which were checked by a translator; the coordinator marks them checked. */
import type { LanguageReview } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { call } from '../api.ts';
import { LoadView } from '../LoadView.tsx';
import { DataTable } from '../ui/DataTable.tsx';
import { useLoad } from '../useLoad.ts';
import { RecordingSummary } from '../recordings/RecordingSummary.tsx';

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
  return (
    <section class="panel" aria-labelledby="languages-title">
      <h2 id="languages-title">{t('languages.title')}</h2>
      <LoadView load={load}>
        {(langs) => (
          <DataTable
            headings={[
              t('languages.language'),
              t('languages.status'),
              t('languages.note'),
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
              l.note,
              l.status === 'source' ? null : (
                <button
                  type="button"
                  onClick={() => void set(l, l.status === 'draft' ? 'checked' : 'draft')}
                >
                  {t(l.status === 'draft' ? 'languages.mark_checked' : 'languages.mark_draft')}
                </button>
              ),
              <RecordingSummary lng={l.code} />,
            ]}
          />
        )}
      </LoadView>
    </section>
  );
}
