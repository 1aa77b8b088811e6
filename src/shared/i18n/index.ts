/** i18next set up once for the whole app: Dutch is the source, bundled; other languages load on demand later. */
import i18next, { type TFunction } from 'i18next';
import kioskNl from '../../../locales/nl/kiosk.json';
import type { Instrument } from '../core/instrument.ts';
import { instrumentNamespace, instrumentTexts } from '../core/instrumentTexts.ts';

/** The source language. */
export const SOURCE_LANGUAGE = 'nl';

/** Starts i18next with the Dutch kiosk texts and the instrument's own texts. */
export async function initI18n(instrument: Instrument): Promise<TFunction> {
  const t = await i18next.init({
    lng: SOURCE_LANGUAGE,
    fallbackLng: SOURCE_LANGUAGE,
    ns: ['kiosk'],
    defaultNS: 'kiosk',
    resources: { nl: { kiosk: kioskNl } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  addInstrument(instrument);
  return t;
}

/** Makes an instrument version's texts available under its own namespace. */
export function addInstrument(instrument: Instrument): void {
  i18next.addResourceBundle(
    SOURCE_LANGUAGE,
    instrumentNamespace(instrument),
    instrumentTexts(instrument),
    true,
    false,
  );
}

/** Adds a namespace loaded later (the staff chunk brings its own texts). */
export function addTexts(lng: string, ns: string, texts: object): void {
  i18next.addResourceBundle(lng, ns, texts, true, false);
}

export { i18next };
