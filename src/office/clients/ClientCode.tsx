/** The client's short code, with what it is for: staff type it as the reference on a tablet for a follow-up measurement. */
import { useT } from '../../shared/i18n/useT.ts';

/** Props: the code. */
export interface ClientCodeProps {
  readonly code: string;
}

/** The code box. */
export function ClientCode({ code }: ClientCodeProps) {
  const t = useT('workspace');
  return (
    <aside class="code-box" aria-labelledby="code-title">
      <h2 id="code-title">{t('client.code_title')}</h2>
      <p class="code big" data-testid="client-code">
        {code}
      </p>
      <p>{t('client.code_explain')}</p>
    </aside>
  );
}
