/**
 * The questionnaire version a completed session was answered in, for its profile in staff mode: after the office
 * changed versions the kiosk's own version is not the session's, and scale names (a role v2 dropped) must come from the
 * session's version. Its texts are registered on the way, as the kiosk does for the version it shows.
 */
import instrumentJson from '../../shared/instruments/pilot-2019.v1.json';
import { parseInstrument, type Instrument } from '../../shared/core/instrument.ts';
import { registerInstrumentTexts } from '../../shared/i18n/languages.ts';
import { chooseInstrument, type StoredPacks } from '../storage/instrumentPacks.ts';

let bundled: Instrument | null = null;

/** The session's version: its pack from the office, the version built into the app, or `fallback` (the kiosk's). */
export function sessionInstrument(
  packs: StoredPacks | null,
  session: { readonly instrumentId: string; readonly instrumentVersion: number },
  fallback: Instrument,
): Instrument {
  if (session.instrumentId === fallback.id && session.instrumentVersion === fallback.version)
    return fallback;
  bundled ??= parseInstrument(instrumentJson);
  const pack = chooseInstrument(bundled, packs ?? { current: null, packs: [] }, session);
  if (pack.instrument.version !== session.instrumentVersion) return fallback;
  registerInstrumentTexts(pack.instrument, pack.texts);
  return pack.instrument;
}
