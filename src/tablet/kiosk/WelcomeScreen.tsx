/** The screen between clients: a big start button, and a discreet way into staff mode. */
import { useEffect } from 'preact/hooks';
import { languageMeta } from '../../shared/i18n/languages.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { LanguageList } from './LanguageList.tsx';
import { PictogramToggle } from './PictogramToggle.tsx';
import { kioskLine, TITLE_LINE, type SpokenLine } from './readAloud.ts';
import { Screen } from './Screen.tsx';
import { StaffEntryButton } from './StaffEntryButton.tsx';
import { useReadAloud } from './useReadAloud.ts';

/** Props: start a session, or open staff mode; `notice` is a one-off line such as "works offline now". */
export interface WelcomeScreenProps {
  readonly onStart: () => void;
  readonly onStaff: () => void;
  readonly notice: string | null;
  readonly busy: boolean;
  readonly languages: readonly string[];
  readonly language: string;
  readonly onLanguage: (code: string) => void;
  /** The questionnaire version the next client starts on (`id@version`). */
  readonly instrument?: string;
  readonly pictograms: boolean;
  readonly onPictograms: (on: boolean) => void;
}

/** What the welcome screen says: "choose your language" is said in each offered language, in that language. */
function welcomeLines(
  t: (key: string) => string,
  languages: readonly string[],
  notice: string | null,
): SpokenLine[] {
  const prompts: SpokenLine[] =
    languages.length > 1
      ? languages.map((code) => ({
          id: `prompt-${code}`,
          key: 'meta:prompt',
          text: languageMeta(code).prompt,
          lng: code,
        }))
      : [];
  return [
    kioskLine('welcome.title', t('welcome.title'), TITLE_LINE),
    kioskLine('welcome.intro', t('welcome.intro')),
    ...prompts,
    ...(notice ? [kioskLine('welcome.offline_ready', notice)] : []),
    kioskLine('welcome.start_button', t('welcome.start_button')),
  ];
}

/** The welcome screen. */
export function WelcomeScreen(p: WelcomeScreenProps) {
  const { onStart, onStaff, notice, busy } = p;
  const t = useT();
  const reading = useReadAloud('welcome', welcomeLines(t, p.languages, notice));
  useEffect(() => {
    performance.mark('kiosk-ready');
  }, []);
  return (
    <Screen
      name="welcome"
      instrument={p.instrument}
      title={t('welcome.title')}
      reading={reading}
      actions={<StaffEntryButton onStaff={onStaff} />}
      primary={
        <button
          type="button"
          class="primary big"
          onClick={onStart}
          disabled={busy}
          {...reading.mark('welcome.start_button')}
        >
          {t('welcome.start_button')}
        </button>
      }
    >
      <p class="lead" {...reading.mark('welcome.intro')}>
        {t('welcome.intro')}
      </p>
      {p.languages.length > 1 && (
        <>
          <h2 class="choose-language">{t('language.choose')}</h2>
          <LanguageList
            codes={p.languages}
            current={p.language}
            label={t('language.choose')}
            onChoose={p.onLanguage}
            mark={(code) => reading.mark(`prompt-${code}`)}
          />
        </>
      )}
      <PictogramToggle on={p.pictograms} onChange={p.onPictograms} />
      {notice && (
        <p class="notice" role="status" {...reading.mark('welcome.offline_ready')}>
          {notice}
        </p>
      )}
    </Screen>
  );
}
