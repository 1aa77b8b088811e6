/** Each language's review verdict for staff mode: the office's (sent with the config), else the build's meta.json. */
import { useEffect, useState } from 'preact/hooks';
import { languageMeta } from '../../shared/i18n/languages.ts';
import { loadLanguageStatus } from '../storage/officeConfig.ts';

/** A function telling whether a language is still a draft (not checked by a translator). */
export function useLanguageDraft(): (code: string) => boolean {
  const [office, setOffice] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    loadLanguageStatus().then(
      (s) => live && setOffice(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return (code) => (office[code] ?? languageMeta(code).review.status) === 'draft';
}
