/** Purpose and consent: the agency's own text or the default, which says answers do not affect the benefit. */
import { useT } from '../../shared/i18n/useT.ts';
import { useKiosk } from './context.ts';
import { kioskLine, TITLE_LINE, type SpokenLine } from './readAloud.ts';
import { Screen } from './Screen.tsx';
import { useReadAloud } from './useReadAloud.ts';

/** Props: the client agrees, or declines (then nothing of this session is kept). */
export interface ConsentScreenProps {
  readonly onAgree: () => void;
  readonly onDecline: () => void;
}

/** The key an agency's own consent text is said under: no pack has it, so the server renders it (or a stand-in). */
const OWN_TEXT_KEY = 'agency:consent_text';

/** The consent screen. */
export function ConsentScreen({ onAgree, onDecline }: ConsentScreenProps) {
  const t = useT();
  const { settings } = useKiosk();
  const own = settings.consentText;
  const text = own ?? t('consent.default_text', { agency: settings.agencyName });
  const paras = text.split(/\n+/);
  const lines: SpokenLine[] = [
    kioskLine('consent.title', t('consent.title'), TITLE_LINE),
    ...paras.map((para, i) => ({
      id: `para-${i}`,
      key: own === null ? 'kiosk:consent.default_text' : OWN_TEXT_KEY,
      text: para,
    })),
    kioskLine('consent.agree_button', t('consent.agree_button')),
    kioskLine('consent.decline_button', t('consent.decline_button')),
  ];
  const reading = useReadAloud('consent', lines);
  return (
    <Screen
      name="consent"
      title={t('consent.title')}
      reading={reading}
      actions={
        <button
          type="button"
          class="secondary"
          onClick={onDecline}
          {...reading.mark('consent.decline_button')}
        >
          {t('consent.decline_button')}
        </button>
      }
      primary={
        <button
          type="button"
          class="primary"
          onClick={onAgree}
          {...reading.mark('consent.agree_button')}
        >
          {t('consent.agree_button')}
        </button>
      }
    >
      {paras.map((para, i) => (
        <p key={i} class="lead" {...reading.mark(`para-${i}`)}>
          {para}
        </p>
      ))}
    </Screen>
  );
}
