/** Entry point: loads the instrument and texts, registers the service worker, renders the kiosk. */
import { render } from 'preact';
import instrumentJson from '../shared/instruments/pilot-2019.v1.json';
import { parseInstrument } from '../shared/core/instrument.ts';
import { initI18n } from '../shared/i18n/index.ts';
import { InsecureContextScreen } from './kiosk/InsecureContextScreen.tsx';
import { KioskApp } from './kiosk/KioskApp.tsx';
import { httpsAddress, secureContextProblem } from './platform/secureContext.ts';
import { registerServiceWorker } from './pwa/updates.ts';
import { database } from './storage/db.ts';
import './kiosk/kiosk.css';

// Opening IndexedDB is the slowest step of a cold start: begin it now, beside the texts, not after the first render.
const opening = database()
  .open()
  .catch(() => undefined); // a failure is reported by the storage check the kiosk runs next
const instrument = parseInstrument(instrumentJson);
await Promise.all([initI18n(instrument), opening]);
const root = document.getElementById('app');
// Over plain http on a network address the PIN, sealing and offline use cannot work: say so instead of starting.
const insecure = secureContextProblem();
if (root && insecure)
  render(<InsecureContextScreen problem={insecure} httpsUrl={httpsAddress()} />, root);
else if (root) render(<KioskApp instrument={instrument} />, root);
if (import.meta.env.PROD && !insecure) registerServiceWorker();
