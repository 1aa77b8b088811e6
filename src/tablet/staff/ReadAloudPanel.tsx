/** Staff mode: per enabled language, how this tablet reads aloud (device voice, cached audio, or nothing offline). */
import { useEffect, useState } from 'preact/hooks';
import { staffLanguage } from '../../shared/i18n/staffLanguage.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { onVoicesChanged } from '../platform/speech.ts';
import {
  keepPacks,
  onPackStatus,
  packStatus,
  readAloudPaths,
  type PackWish,
  type ReadAloudPath,
} from '../speech/offline.ts';
import { languageName } from '../../shared/ui/format.ts';

/** Props: the tablet's enabled languages and agency name. */
export interface ReadAloudPanelProps {
  readonly settings: PackWish;
}

/** The panel, with a button that fetches what is missing. */
export function ReadAloudPanel({ settings }: ReadAloudPanelProps) {
  const t = useT('staff');
  const [status, setStatus] = useState(packStatus);
  const [paths, setPaths] = useState<Record<string, ReadAloudPath> | null>(null);
  const { languages, agencyName } = settings;
  const key = `${languages.join(',')}|${agencyName}`;
  useEffect(() => {
    let live = true;
    const refresh = () =>
      void readAloudPaths({ languages, agencyName }).then((p) => live && setPaths(p));
    refresh();
    let states = packStatus().states;
    const offStatus = onPackStatus((s) => {
      setStatus(s);
      // A language finished (or the run ended): look again; plain progress needs no new look.
      if (!s.running || s.states !== states) refresh();
      states = s.states;
    });
    const offVoices = onVoicesChanged(refresh);
    return () => {
      live = false;
      offStatus();
      offVoices();
    };
  }, [key]); // `key` stands for languages and agencyName

  // While a download runs, a language without its pack yet is "being downloaded", not yet a problem.
  const shown = (p: ReadAloudPath | undefined) =>
    !p ? 'checking' : p.kind === 'none' && status.running ? 'pending' : p.kind;
  const describe = (p: ReadAloudPath | undefined) =>
    p?.kind === 'voice' ? t('readaloud.voice', { name: p.voiceName }) : t(`readaloud.${shown(p)}`);

  return (
    <section aria-labelledby="readaloud-title" data-testid="readaloud-panel">
      <h2 id="readaloud-title">{t('readaloud.title')}</h2>
      <p class="muted">{t('readaloud.intro')}</p>
      <table class="readaloud-table">
        <thead>
          <tr>
            <th scope="col">{t('readaloud.language')}</th>
            <th scope="col">{t('readaloud.how')}</th>
          </tr>
        </thead>
        <tbody>
          {languages.map((code) => {
            const p = paths?.[code];
            return (
              <tr key={code} data-lng={code} data-path={shown(p)}>
                <th scope="row">{languageName(code, staffLanguage())}</th>
                <td class={shown(p) === 'none' ? 'error' : undefined}>{describe(p)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {status.running ? (
        <p role="status" data-testid="readaloud-progress">
          {t('readaloud.downloading', { done: status.done, total: status.total })}
        </p>
      ) : status.problem ? (
        <p class="error" role="alert" data-testid="readaloud-problem">
          {t(`readaloud.problem_${status.problem}`)}
        </p>
      ) : null}
      <button
        type="button"
        class="secondary"
        disabled={status.running}
        onClick={() => void keepPacks({ languages, agencyName })}
      >
        {t('readaloud.download_button')}
      </button>
    </section>
  );
}
