/** Switches the office screens between Dutch and English. */
import { useT } from '../shared/i18n/useT.ts';
import { i18next } from '../shared/i18n/index.ts';
import { switchWorkspaceLanguage, WORKSPACE_LANGUAGES } from './i18n.ts';

/** Props: `compact` shows the codes (NL, EN) where space is short, as in the header; the full name is the tooltip. */
export interface LanguageToggleProps {
  readonly compact?: boolean;
}

/** The toggle: one button per language, the current one pressed. */
export function LanguageToggle({ compact = false }: LanguageToggleProps) {
  const t = useT('workspace');
  const current = i18next.language;
  return (
    <div class="lang-toggle" role="group" aria-label={t('common.language')}>
      {WORKSPACE_LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={current === code}
          onClick={() => void switchWorkspaceLanguage(code)}
          {...(compact ? { title: code === 'nl' ? 'Nederlands' : 'English' } : {})}
        >
          {compact ? code.toUpperCase() : code === 'nl' ? 'Nederlands' : 'English'}
        </button>
      ))}
    </div>
  );
}
