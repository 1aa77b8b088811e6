/**
 * Shown instead of the whole app when the page cannot work here (plain http on a network address, or a browser
 * without WebCrypto or service workers): one screen for staff that says what is wrong, why, and where to go instead,
 * rather than a PIN form that fails with "try again".
 */
import type { SecureContextProblem } from '../platform/secureContext.ts';
import { useT } from '../../shared/i18n/useT.ts';

/** Props: what is missing and the https address of this page. */
export interface InsecureContextScreenProps {
  readonly problem: SecureContextProblem;
  readonly httpsUrl: string;
}

/** The insecure-context screen (no read-aloud: it is for staff, and the app around it did not start). */
export function InsecureContextScreen({ problem, httpsUrl }: InsecureContextScreenProps) {
  const t = useT();
  return (
    <main class="screen" data-screen="insecure-context">
      <h1>{t('insecure.title')}</h1>
      <div class="screen-body">
        <p class="lead">{t('insecure.body')}</p>
        <p class="notice" role="alert">
          {t(`insecure.problem_${problem}`)}
        </p>
        <p>{t('insecure.why')}</p>
        {problem === 'insecure' && (
          <>
            <p>{t('insecure.address')}</p>
            <p class="lead" dir="ltr">
              <a href={httpsUrl} data-testid="https-address">
                {httpsUrl}
              </a>
            </p>
            <p class="staff-note">{t('insecure.admin')}</p>
          </>
        )}
        {problem === 'unsupported' && <p class="staff-note">{t('insecure.browser')}</p>}
      </div>
    </main>
  );
}
