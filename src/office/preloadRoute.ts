/** Right after sign-in, starts loading the data of the screen in the address bar, so it arrives while the shell renders. */
import { WS_API } from '../shared/contract/workspaceApi.ts';
import { path, preload } from './api.ts';
import { parseRoute } from './router.ts';

/** Preloads the current route's main GET: a client's page or summary, or the client list. */
export function preloadRoute(): void {
  const route = parseRoute(location.pathname);
  if (route.name === 'client' || route.name === 'summary')
    preload(path(WS_API.client, { id: route.id }));
  else if (route.name === 'home') preload(WS_API.clients);
}
