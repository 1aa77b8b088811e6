/** Entry point: loads the instrument and texts, opens storage, renders the kiosk with the tablet's services. */
import { render } from 'preact';
import instrumentJson from '../shared/instruments/pilot-2019.v1.json';
import { parseInstrument } from '../shared/core/instrument.ts';
import { initI18n } from '../shared/i18n/index.ts';
import { KioskApp } from './kiosk/KioskApp.tsx';
import { tabletServices } from './services.ts';
import { database } from './storage/db.ts';
import './kiosk/kiosk.css';

// Opening IndexedDB is the slowest step of a cold start: begin it now, beside the texts, not after the first render.
const opening = database()
  .open()
  .catch(() => undefined); // a failure is reported by the storage check the kiosk runs next
const instrument = parseInstrument(instrumentJson);
await Promise.all([initI18n(instrument), opening]);
const root = document.getElementById('app');
if (root)
  render(
    <KioskApp instrument={instrument} services={tabletServices(import.meta.env.PROD)} />,
    root,
  );
