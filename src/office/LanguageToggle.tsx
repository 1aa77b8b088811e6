/** Switches the office screens between Dutch and English. */
import { useT } from '../shared/i18n/useT.ts';
import { i18next } from '../shared/i18n/index.ts';
import { switchWorkspaceLanguage, WORKSPACE_LANGUAGES } from './i18n.ts';

/** The toggle: one button per language, the current one pressed. */
export function LanguageToggle() {
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
        >
          {code === 'nl' ? 'Nederlands' : 'English'}
        </button>
      ))}
    </div>
  );
}
