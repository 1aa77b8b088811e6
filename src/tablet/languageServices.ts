/**
 * The kiosk's text and questionnaire-version services on a real tablet (and in component tests, which use the real
 * storage). What reads storage through Dexie is imported only when first asked for, after the first screen.
 */
import {
  currentLanguage,
  registerInstrumentTexts,
  switchLanguage,
  takeOfficeTexts,
} from '../shared/i18n/languages.ts';
import type { KioskServices } from './kiosk/services.ts';

/** Texts and versions: switch language, take the office's texts, register and choose questionnaire versions. */
export const tabletLanguages: KioskServices['languages'] = {
  switch: switchLanguage,
  current: currentLanguage,
  takeTexts: takeOfficeTexts,
  // After the first screen only (between clients): Dexie loads with the storage module. The texts taken are
  // remembered, so a reload during the next client's session restores these and not newer ones.
  refreshTexts: async (instrument) => {
    const office = await import('./storage/officeConfig.ts');
    const texts = await office.loadOfficeTexts();
    await takeOfficeTexts(texts, instrument);
    await office.saveTextsInUse(texts);
  },
  registerInstrument: (pack) => registerInstrumentTexts(pack.instrument, pack.texts),
  currentInstrument: async (bundled) => {
    const [office, packs] = await Promise.all([
      import('./storage/officeConfig.ts'),
      import('./storage/instrumentPacks.ts'),
    ]);
    return packs.chooseInstrument(bundled, await office.loadInstrumentPacks(), null);
  },
};
