/** The screen between clients: a big start button, and a discreet way into staff mode. */
import { useEffect } from 'preact/hooks';
import { useT } from '../i18n/useT.ts';
import { LanguageList } from './LanguageList.tsx';
import { PictogramToggle } from './PictogramToggle.tsx';
import { Screen } from './Screen.tsx';

/** Props: start a session, or open staff mode; `notice` is a one-off line such as "works offline now". */
export interface WelcomeScreenProps {
  readonly onStart: () => void;
  readonly onStaff: () => void;
  readonly notice: string | null;
  readonly busy: boolean;
  readonly languages: readonly string[];
  readonly language: string;
  readonly onLanguage: (code: string) => void;
  readonly pictograms: boolean;
  readonly onPictograms: (on: boolean) => void;
}

/** The welcome screen. */
export function WelcomeScreen(p: WelcomeScreenProps) {
  const { onStart, onStaff, notice, busy } = p;
  const t = useT();
  useEffect(() => {
    performance.mark('kiosk-ready');
  }, []);
  return (
    <Screen
      name="welcome"
      title={t('welcome.title')}
      actions={
        <>
          <button type="button" class="primary big" onClick={onStart} disabled={busy}>
            {t('welcome.start_button')}
          </button>
          <button type="button" class="link staff-entry" onClick={onStaff}>
            {t('welcome.staff_button')}
          </button>
        </>
      }
    >
      <p class="lead">{t('welcome.intro')}</p>
      {p.languages.length > 1 && (
        <>
          <h2 class="choose-language">{t('language.choose')}</h2>
          <LanguageList
            codes={p.languages}
            current={p.language}
            label={t('language.choose')}
            onChoose={p.onLanguage}
          />
        </>
      )}
      <PictogramToggle on={p.pictograms} onChange={p.onPictograms} />
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
    </Screen>
  );
}
