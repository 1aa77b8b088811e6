/** Entry point: loads the instrument and texts, reads storage, renders the kiosk with the tablet's services. */
import { render } from 'preact';
import instrumentJson from '../shared/instruments/pilot-2019.v1.json';
import { parseInstrument } from '../shared/core/instrument.ts';
import { now } from '../shared/platform/clock.ts';
import { initI18n } from '../shared/i18n/index.ts';
import { InsecureContextScreen } from './kiosk/InsecureContextScreen.tsx';
import { KioskApp } from './kiosk/KioskApp.tsx';
import { httpsAddress, secureContextProblem } from './platform/secureContext.ts';
import { tabletServices } from './services.ts';
import { openKiosk } from './storage/boot.ts';
import '../shared/ui/tokens.css';
import './kiosk/kiosk.css';

// Over plain http on a network address the PIN, sealing and offline use cannot work: say so instead of starting.
const insecure = secureContextProblem();
// Reading storage is the slowest step of a cold start: begin it now, beside the texts, not after the first render.
const firstRead = insecure ? null : openKiosk(now());
const instrument = parseInstrument(instrumentJson);
await initI18n(instrument);
const root = document.getElementById('app');
if (root && insecure)
  render(<InsecureContextScreen problem={insecure} httpsUrl={httpsAddress()} />, root);
else if (root && firstRead)
  render(
    <KioskApp instrument={instrument} services={tabletServices(import.meta.env.PROD, firstRead)} />,
    root,
  );
