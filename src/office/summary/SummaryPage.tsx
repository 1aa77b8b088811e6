/** The client's own one-page summary in plain language, in the client's language where available; printable on one A4 page. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18next } from '../../shared/i18n/index.ts';
import { languageMeta, LANGUAGES } from '../../shared/i18n/languages.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { call } from '../api.ts';
import { useWorkspace } from '../context.ts';
import { loadLanguage, summaryLanguages } from '../i18n.ts';
import { Link } from '../Link.tsx';
import { LoadView } from '../LoadView.tsx';
import { href } from '../router.ts';
import { useLoad } from '../useLoad.ts';
import { ReadAloud } from './ReadAloud.tsx';
import { SummarySheet } from './SummarySheet.tsx';
import { versionLookup } from '../versionLabels.ts';

/** Props: the client id from the URL. */
export interface SummaryPageProps {
  readonly id: string;
}

/** The page: controls for staff (language, print, back) and the sheet itself. */
export function SummaryPage({ id }: SummaryPageProps) {
  const t = useT('workspace');
  const { instrument } = useWorkspace();
  const [load] = useLoad(async () => {
    const [detail, facts] = await Promise.all([
      call('GET /api/clients/:id', { params: { id } }),
      call('GET /api/summary-facts', {}),
    ]);
    return { ...detail, facts };
  }, id);
  const [lang, setLang] = useState<string | null>(null);
  const [ready, setReady] = useState<string | null>(null);
  const sheet = useRef<HTMLDivElement>(null);
  const available = summaryLanguages();
  const measured =
    load.state === 'ok'
      ? (load.value.measurements[load.value.measurements.length - 1]?.language ?? 'nl')
      : null;
  const shown = lang ?? (measured && available.includes(measured) ? measured : 'nl');

  useEffect(() => {
    let live = true;
    void loadLanguage(shown).then(() => live && setReady(shown));
    return () => {
      live = false;
    };
  }, [shown]);

  return (
    <LoadView load={load}>
      {(detail) => {
        const m = detail.measurements[detail.measurements.length - 1];
        if (!m) return <p>{t('client.no_measurements')}</p>;
        return (
          <div class="summary-page" data-screen="summary">
            <div class="summary-controls no-print">
              <Link to={href({ name: 'client', id })}>{t('summary.back')}</Link>
              <label>
                {t('summary.language')}{' '}
                <select
                  value={shown}
                  onChange={(e) => setLang(e.currentTarget.value)}
                  data-testid="summary-language"
                >
                  {LANGUAGES.filter((l) => available.includes(l.code)).map((l) => (
                    <option key={l.code} value={l.code} lang={l.code}>
                      {l.name} ({l.dutchName})
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" class="primary" onClick={() => window.print()}>
                {t('summary.print')}
              </button>
              {ready === shown && <ReadAloud key={shown} sheet={sheet} lang={shown} />}
              {measured && !available.includes(measured) && (
                <p class="notice">
                  {t('summary.no_language', { lang: languageMeta(measured).dutchName })}
                </p>
              )}
            </div>
            <div ref={sheet}>
              {ready === shown && (
                <SummarySheet
                  lang={languageMeta(shown)}
                  t={i18next.getFixedT(shown, 'summary')}
                  instrument={versionLookup(detail.instruments, instrument)(m)}
                  measurement={m}
                  code={detail.client.code}
                  facts={detail.facts}
                />
              )}
            </div>
          </div>
        );
      }}
    </LoadView>
  );
}
