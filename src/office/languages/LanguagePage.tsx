/** One language for the coordinator: its version, XLIFF export and import, and every string beside the Dutch. */
import { useT } from '../../shared/i18n/useT.ts';
import { call } from '../api.ts';
import { Link } from '../Link.tsx';
import { LoadView } from '../LoadView.tsx';
import { href } from '../router.ts';
import { useLoad } from '../useLoad.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { StringReviewList } from './StringReviewList.tsx';

/** Props: the language code from the URL. */
export interface LanguagePageProps {
  readonly code: string;
}

/** The page at /werkplek/beheer/talen/<code>. */
export function LanguagePage({ code }: LanguagePageProps) {
  const t = useT('workspace');
  const [load, reload] = useLoad(
    () => call('GET /api/languages/:code/strings', { params: { code } }),
    `strings-${code}`,
  );
  return (
    <section data-screen="language" class="admin">
      <p>
        <Link to={href({ name: 'admin', section: 'languages' })}>{t('translation.back')}</Link>
      </p>
      <LoadView load={load}>
        {(lang) => (
          <>
            <h1>
              {t('translation.page_title')}:{' '}
              <span lang={lang.code} dir={lang.dir}>
                {lang.name}
              </span>
            </h1>
            <p data-testid="language-version">
              {t('translation.version', { version: lang.version })}
            </p>
            <section class="panel" aria-labelledby="xliff-title">
              <h2 id="xliff-title">{t('translation.xliff_title')}</h2>
              <p class="hint">{t('translation.xliff_hint')}</p>
              <p>
                <a
                  class="button"
                  href={`/api/languages/${encodeURIComponent(lang.code)}/xliff`}
                  download={`slimme-intake-${lang.code}-v${lang.version}.xlf`}
                  data-testid="xliff-export"
                >
                  {t('translation.export')}
                </a>
              </p>
              <ImportPanel code={lang.code} onApplied={reload} />
            </section>
            <StringReviewList lang={lang} onChanged={reload} />
          </>
        )}
      </LoadView>
    </section>
  );
}
