/** Entry point: loads the instrument and texts, registers the service worker, renders the kiosk. */
import { render } from 'preact';
import instrumentJson from './instruments/pilot-2019.v1.json';
import { parseInstrument } from './core/instrument.ts';
import { initI18n } from './i18n/index.ts';
import { KioskApp } from './kiosk/KioskApp.tsx';
import { registerServiceWorker } from './pwa/updates.ts';
import './kiosk/kiosk.css';

const instrument = parseInstrument(instrumentJson);
await initI18n(instrument);
if (import.meta.env.PROD) registerServiceWorker();
const root = document.getElementById('app');
if (root) render(<KioskApp instrument={instrument} />, root);
