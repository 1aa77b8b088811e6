/** History routing for the workspace: real URLs under /werkplek/ (a client's page is /werkplek/clients/<id>). */
import { useEffect, useState } from 'preact/hooks';

/** Where the workspace lives on the server. */
export const BASE = '/werkplek';

/** The sections of Beheer, each at its own address (/werkplek/beheer/<path>); settings is its own screen. */
export const ADMIN_SECTIONS = {
  staff: 'medewerkers',
  tablets: 'tablets',
  keys: 'sleutels',
  languages: 'talen',
  questionnaire: 'vragenlijst',
  data: 'gegevens',
  audit: 'logboek',
} as const;

/** One section of Beheer. */
export type AdminSection = keyof typeof ADMIN_SECTIONS;

const sectionOf = (path: string | undefined): AdminSection | undefined =>
  (Object.keys(ADMIN_SECTIONS) as AdminSection[]).find((k) => ADMIN_SECTIONS[k] === path);

/** A parsed location: the screen and its id, if any. */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'client'; readonly id: string }
  | { readonly name: 'summary'; readonly id: string }
  | { readonly name: 'measurements' }
  | { readonly name: 'measurement'; readonly id: string }
  | { readonly name: 'dashboard' }
  | { readonly name: 'quality' }
  | { readonly name: 'admin'; readonly section?: AdminSection }
  | { readonly name: 'settings' }
  | { readonly name: 'language'; readonly code: string }
  | { readonly name: 'account' }
  | { readonly name: 'recordings'; readonly id: string }
  | { readonly name: 'unknown' };

/** Parses a pathname into a route. */
export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  const [a, b, c] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (a === 'clients' && b && !c) return { name: 'client', id: b };
  if (a === 'clients' && b && c === 'samenvatting' && parts.length === 3)
    return { name: 'summary', id: b };
  if (a === 'measurements' && !b) return { name: 'measurements' };
  if (a === 'measurements' && b && !c) return { name: 'measurement', id: b };
  if (a === 'dashboard' && !b) return { name: 'dashboard' };
  if (a === 'kwaliteit' && !b) return { name: 'quality' };
  if (a === 'beheer' && !b) return { name: 'admin' };
  if (a === 'beheer' && b === 'instellingen' && !c) return { name: 'settings' };
  const section = sectionOf(b);
  if (a === 'beheer' && section && !c) return { name: 'admin', section };
  if (a === 'beheer' && b === 'talen' && c && parts.length === 3)
    return { name: 'language', code: c };
  if (a === 'account' && !b) return { name: 'account' };
  if (a === 'beheer' && b === 'opnames' && c && parts.length === 3)
    return { name: 'recordings', id: c };
  return { name: 'unknown' };
}

/** The URL of a route. */
export function href(route: Route): string {
  switch (route.name) {
    case 'client':
      return `${BASE}/clients/${encodeURIComponent(route.id)}`;
    case 'summary':
      return `${BASE}/clients/${encodeURIComponent(route.id)}/samenvatting`;
    case 'measurement':
      return `${BASE}/measurements/${encodeURIComponent(route.id)}`;
    case 'measurements':
      return `${BASE}/measurements`;
    case 'dashboard':
      return `${BASE}/dashboard`;
    case 'quality':
      return `${BASE}/kwaliteit`;
    case 'admin':
      return route.section ? `${BASE}/beheer/${ADMIN_SECTIONS[route.section]}` : `${BASE}/beheer`;
    case 'settings':
      return `${BASE}/beheer/instellingen`;
    case 'language':
      return `${BASE}/beheer/talen/${encodeURIComponent(route.code)}`;
    case 'account':
      return `${BASE}/account`;
    case 'recordings':
      return `${BASE}/beheer/opnames/${encodeURIComponent(route.id)}`;
    default:
      return `${BASE}/`;
  }
}

const listeners = new Set<() => void>();

/** Goes to a URL inside the workspace without reloading. */
export function navigate(url: string): void {
  history.pushState(null, '', url);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

/** The current route; re-renders on navigation and on back/forward. */
export function useRoute(): Route {
  const [pathname, setPathname] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPathname(location.pathname);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return parseRoute(pathname);
}
