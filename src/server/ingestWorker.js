// The worker-thread entry of the ingest pool (ingestPool.ts). Plain JavaScript so it loads the same way under
// `node --import tsx`, the tsx command and vitest; it compiles the TypeScript it runs with tsx's API, scoped to this import.
import { tsImport } from 'tsx/esm/api';

const { openSessions } = await tsImport('./ingestOpen.ts', import.meta.url);

/** Piscina calls the default export with each task. */
export default openSessions;
