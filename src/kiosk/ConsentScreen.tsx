/** Purpose and consent: the agency's own text or the default, which says answers do not affect the benefit. */
import { useT } from '../i18n/useT.ts';
import { useKiosk } from './context.ts';
import { Screen } from './Screen.tsx';

/** Props: the client agrees, or declines (then nothing of this session is kept). */
export interface ConsentScreenProps {
  readonly onAgree: () => void;
  readonly onDecline: () => void;
}

/** The consent screen. */
export function ConsentScreen({ onAgree, onDecline }: ConsentScreenProps) {
  const t = useT();
  const { settings } = useKiosk();
  const text = settings.consentText ?? t('consent.default_text', { agency: settings.agencyName });
  return (
    <Screen
      name="consent"
      title={t('consent.title')}
      actions={
        <>
          <button type="button" class="secondary" onClick={onDecline}>
            {t('consent.decline_button')}
          </button>
          <button type="button" class="primary" onClick={onAgree}>
            {t('consent.agree_button')}
          </button>
        </>
      }
    >
      {text.split(/\n+/).map((para, i) => (
        <p key={i} class="lead">
          {para}
        </p>
      ))}
    </Screen>
  );
}
