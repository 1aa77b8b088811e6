/** Dutch or English for the staff screens, chosen by staff and independent of the client's language. */
import { languageMeta } from '../../shared/i18n/languages.ts';
import {
  STAFF_LANGUAGES,
  setStaffLanguage,
  staffLanguage,
} from '../../shared/i18n/staffLanguage.ts';
import { useT } from '../../shared/i18n/useT.ts';

/** Two buttons, each in its own language's name, at the top of every staff screen. */
export function StaffLanguageSwitch() {
  const t = useT('staff');
  const current = staffLanguage();
  return (
    <div class="staff-language" role="group" aria-label={t('language_label')}>
      {STAFF_LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          class="secondary"
          lang={code}
          aria-pressed={code === current}
          data-staff-language={code}
          onClick={() => setStaffLanguage(code)}
        >
          {languageMeta(code).name}
        </button>
      ))}
    </div>
  );
}
