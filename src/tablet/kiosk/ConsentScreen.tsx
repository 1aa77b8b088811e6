/**
 * Purpose and consent: the agency's own text, or the default. The default says what the answers are for, then what
 * happens to them as the product actually handles them: kept on the tablet until sent, then on the agency's server;
 * seen by the client's own staff member and the coordinators, by researchers without name or birth date; kept as
 * long as the office's retention period (from the tablet's config, never a number in code); and the rights to see
 * and erase them (AVG).
 */
import type { AgencySettings } from '../../shared/core/settings.ts';
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

/** The default's privacy lines, each with its key (the audio pack's) and the values it is shown with. */
function privacyLines(settings: AgencySettings): { key: string; vars: Record<string, unknown> }[] {
  const agency = settings.agencyName;
  const days = settings.retentionDays;
  return [
    { key: 'consent.privacy_storage', vars: { agency } },
    { key: 'consent.privacy_who', vars: { agency } },
    days === null
      ? { key: 'consent.privacy_retention_none', vars: { agency } }
      : { key: 'consent.privacy_retention', vars: { agency, count: days } },
    { key: 'consent.privacy_rights', vars: { agency } },
  ];
}

/** The consent screen. */
export function ConsentScreen({ onAgree, onDecline }: ConsentScreenProps) {
  const t = useT();
  const { settings } = useKiosk();
  const own = settings.consentText;
  const paras = (own ?? t('consent.default_text', { agency: settings.agencyName })).split(/\n+/);
  const privacy =
    own === null ? privacyLines(settings).map((l) => ({ key: l.key, text: t(l.key, l.vars) })) : [];
  const lines: SpokenLine[] = [
    kioskLine('consent.title', t('consent.title'), TITLE_LINE),
    ...paras.map((para, i) => ({
      id: `para-${i}`,
      key: own === null ? 'kiosk:consent.default_text' : OWN_TEXT_KEY,
      text: para,
    })),
    ...(privacy.length > 0 ? [kioskLine('consent.privacy_title', t('consent.privacy_title'))] : []),
    ...privacy.map((p) => kioskLine(p.key, p.text)),
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
      {privacy.length > 0 && (
        <section class="privacy" aria-labelledby="privacy-title">
          <h2 id="privacy-title" {...reading.mark('consent.privacy_title')}>
            {t('consent.privacy_title')}
          </h2>
          <ul>
            {privacy.map((p) => (
              <li
                key={p.key}
                data-privacy={p.key.replace('consent.privacy_', '')}
                {...reading.mark(p.key)}
              >
                {p.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Screen>
  );
}
