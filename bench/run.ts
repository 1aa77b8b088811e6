// `npm run bench`: prints every budgeted figure of the project (run after `vite build`).
// `npm run bench -- --only kiosk,ingest` runs the sections whose title contains one of the words (any case).
import { benchAudioPacks, benchPackFill } from './audio.ts';
import { benchBundle } from './bundle.ts';
import { benchConfigFetch, benchConfigRoundTrip } from './config.ts';
import { benchDashboard } from './dashboard.ts';
import { benchGrowth } from './growth.ts';
import { benchKiosk } from './kiosk.ts';
import { benchLanguages } from './languages.ts';
import { benchQuality } from './quality.ts';
import { benchReadAloud } from './readAloud.ts';
import { benchServerIngest } from './server-ingest.ts';
import { benchTabletDrain } from './tablet-drain.ts';
import { benchWorkspace } from './workspace.ts';

const sections: [string, () => Promise<string[]> | string[]][] = [
  ['Kiosk first load (JavaScript + CSS before the first screen)', benchBundle],
  ['Per language (loaded only when enabled or chosen)', benchLanguages],
  ['Kiosk in headless Chromium', benchKiosk],
  ['Server ingest (sealed sessions over HTTP, 50 simulated tablets)', benchServerIngest],
  ['Tablet drain on loopback', benchTabletDrain],
  ['Audio packs per language (read-aloud without a device voice)', benchAudioPacks],
  [
    'Read-aloud: tap on the speaker → sound from the audio pack (budget: under 150 ms)',
    benchReadAloud,
  ],
  ['Audio cache fill on a tablet (Dutch, then each language beside it; loopback)', benchPackFill],
  ['Workspace: staff client page first render after sign-in', benchWorkspace],
  ['Tablet config fetch (GET /api/devices/config with If-None-Match)', benchConfigFetch],
  ['Office settings → tablet (one enrolled tablet in headless Chromium)', benchConfigRoundTrip],
  ['Dashboard over 100,000 measurements (budget: under 200 ms)', benchDashboard],
  ['Questionnaire quality over 100,000 measurements (budget: under 1 s on PGlite)', benchQuality],
  [
    'Growth on PostgreSQL: 10k / 100k / 1M measurements (budgets at 1M: lists and search < 100 ms, sync batch < 60 ms; growth ≤ 3× per 10×)',
    async () => (await benchGrowth()).lines,
  ],
];

const onlyArg = process.argv.indexOf('--only');
const only =
  onlyArg >= 0 ? (process.argv[onlyArg + 1] ?? '').toLowerCase().split(',').filter(Boolean) : [];
const chosen = sections.filter(
  ([title]) => !only.length || only.some((w) => title.toLowerCase().includes(w)),
);

for (const [title, run] of chosen) {
  console.log(`\n${title}`);
  for (const line of await run()) console.log(line);
}
