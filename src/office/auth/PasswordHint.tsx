/** The password rule in words, with the length the server checks (one constant in src/shared/core/passwordRules.ts). */
import { MIN_PASSWORD_LENGTH } from '../../shared/core/passwordRules.ts';
import { useT } from '../../shared/i18n/useT.ts';

/** Props: the id a password field points at with aria-describedby. */
export interface PasswordHintProps {
  readonly id?: string;
}

/** The hint. */
export function PasswordHint({ id }: PasswordHintProps) {
  const t = useT('workspace');
  return (
    <p class="hint" id={id}>
      {t('setup.password_hint', { min: MIN_PASSWORD_LENGTH })}
    </p>
  );
}
