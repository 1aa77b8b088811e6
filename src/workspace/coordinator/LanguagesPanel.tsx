/** Language review: which translations are drafts, which were checked by a translator; the coordinator marks them checked. */
import { WS_API, type LanguageReview } from '../../core/workspaceApi.ts';
import { useT } from '../../i18n/useT.ts';
import { api, path } from '../api.ts';
import { LoadView } from '../LoadView.tsx';
import { useLoad } from '../useLoad.ts';

/** The panel. */
export function LanguagesPanel() {
  const t = useT('workspace');
  const [load, reload] = useLoad(() => api<LanguageReview[]>('GET', WS_API.languages), 'languages');
  const set = async (l: LanguageReview, status: 'draft' | 'checked') => {
    await api('PUT', path(WS_API.languageReview, { code: l.code }), { status, note: l.note }).catch(
      () => undefined,
    );
    reload();
  };
  return (
    <section class="panel" aria-labelledby="languages-title">
      <h2 id="languages-title">{t('languages.title')}</h2>
      <LoadView load={load}>
        {(langs) => (
          <table class="ws-table">
            <thead>
              <tr>
                <th scope="col">{t('languages.language')}</th>
                <th scope="col">{t('languages.status')}</th>
                <th scope="col">{t('languages.note')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {langs.map((l) => (
                <tr key={l.code}>
                  <td lang={l.code}>
                    {l.name} ({l.code})
                  </td>
                  <td>{t(`languages.status_${l.status}`)}</td>
                  <td>{l.note}</td>
                  <td>
                    {l.status === 'draft' && (
                      <button type="button" onClick={() => void set(l, 'checked')}>
                        {t('languages.mark_checked')}
                      </button>
                    )}
                    {l.status === 'checked' && (
                      <button type="button" onClick={() => void set(l, 'draft')}>
                        {t('languages.mark_draft')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadView>
    </section>
  );
}
