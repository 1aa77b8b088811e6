/** The worker-thread entry of the ingest pool (ingestPool.ts bundles it): piscina calls the default export per task. */
import { openSessions } from './ingestOpen.ts';

export default openSessions;
