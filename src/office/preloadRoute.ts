/** Right after sign-in, starts loading the data of the screen in the address bar, so it arrives while the shell renders. */
import { preload } from './api.ts';
import { parseRoute } from './router.ts';

/** Preloads the current route's main GET: a client's page or summary, or the client list. */
export function preloadRoute(): void {
  const route = parseRoute(location.pathname);
  if (route.name === 'client' || route.name === 'summary')
    preload('GET /api/clients/:id', { params: { id: route.id } });
  else if (route.name === 'home') preload('GET /api/clients');
}
