/** The worker-thread entry of the ingest pool (ingestPool.ts bundles it): piscina calls the default export per task. */
import { openSessions, type OpenTask } from './ingestOpen.ts';
import type { OpenTaskText } from './ingestPool.ts';

/** Opens a task whose sessions, and the answer, cross the thread boundary as JSON text (ingestPool.ts says why). */
export default (task: OpenTaskText): string =>
  JSON.stringify(
    openSessions({ ...task, sessions: JSON.parse(task.sessions) as OpenTask['sessions'] }),
  );
