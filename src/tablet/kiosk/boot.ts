/**
 * The kiosk's boot order, separate from the view so a unit test can check it: storage (one transaction) and the
 * screen's language first, then the first screen; fonts, audio packs, sync, the service worker, the session screens
 * and the read-aloud engine only after that screen has been painted. Nothing is prepared for read-aloud here.
 */
import type { Instrument } from '../../shared/core/instrument.ts';
import type { AgencySettings } from '../../shared/core/settings.ts';
import type { KioskAction } from './kioskState.ts';
import type { KioskServices } from './services.ts';
import { chooseInstrument, type StoredPacks } from '../storage/instrumentPacks.ts';

const NO_PACKS: StoredPacks = { current: null, packs: [] };

/** Work the first screen does not need, in the order it starts. */
export function afterFirstScreen(s: KioskServices, settings: AgencySettings): void {
  s.screens.load().catch((e: unknown) => console.warn(`session screens not loaded: ${String(e)}`));
  s.sync.start(settings);
  s.updates.register();
  s.fonts.loadFor(settings.languages);
  s.packs.keep(settings);
  s.speech.warm?.();
}

/**
 * Boots (or reboots, after staff mode or a retry): reads storage, switches to the language of the open session or the
 * tablet's first language, shows the first screen, and once it is painted starts the rest. Rejects only when the
 * language or the session screens fail; the caller shows that as a storage problem, as before.
 */
export async function bootKiosk(
  s: KioskServices,
  bundled: Instrument,
  dispatch: (a: KioskAction) => void,
  onInstrument: (instrument: Instrument) => void = () => undefined,
): Promise<void> {
  s.speech.stop();
  dispatch({ type: 'boot' });
  const start = await s.storage.open(s.clock.now());
  if (!start.ok) {
    dispatch({ type: 'storage-failed', problem: start.health.problem, health: start.health });
    return;
  }
  const { settings, open } = start;
  const language = open ? open.session.language : (settings.languages[0] ?? 'nl');
  // The open session's own version (a reload keeps it), else the one the office made current; read with the rest.
  const pack = chooseInstrument(bundled, start.instrumentPacks ?? NO_PACKS, open?.session ?? null);
  const instrument = pack.instrument;
  s.languages.registerInstrument(pack);
  onInstrument(instrument);
  await s.languages.takeTexts(start.officeTexts, instrument);
  await Promise.all([
    s.languages.switch(language, instrument),
    open ? s.screens.load() : undefined, // a reload mid-session resumes on its screen, not via the welcome screen
  ]);
  dispatch({ type: 'language', code: language });
  dispatch({ type: 'booted', health: start.health, settings, open });
  s.afterPaint(() => afterFirstScreen(s, settings));
}
