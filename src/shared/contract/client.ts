/**
 * The typed client side of the route table: what to send to route `K` and what it answers, derived from the TYPE of
 * `ROUTES` only (`import type`), so the tablet and office bundles get the types but none of TypeBox's runtime.
 */
import type { Static, TSchema } from 'typebox';
import type { ROUTES, RouteKey } from './routes.ts';

export type { RouteKey };

type Spec<K extends RouteKey> = (typeof ROUTES)[K];
type Of<K extends RouteKey, P extends string> =
  Spec<K> extends Record<P, infer S extends TSchema> ? Static<S> : never;
type Has<K extends RouteKey, P extends string> = Spec<K> extends Record<P, TSchema> ? true : false;

/** The `:name` values of route `K`'s path. */
export type RouteParams<K extends RouteKey> = Of<K, 'params'>;
/** The query of route `K` (every field optional). */
export type RouteQuery<K extends RouteKey> = Of<K, 'querystring'>;
/** The JSON body route `K` takes. */
export type RouteBody<K extends RouteKey> = Of<K, 'body'>;

/** What route `K` answers on success: the 200/201 body, or undefined for 204. */
export type RouteAnswer<K extends RouteKey> = {
  [C in keyof Spec<K>['response']]: C extends 200 | 201
    ? Spec<K>['response'][C] extends infer S extends TSchema
      ? Static<S>
      : never
    : C extends 204
      ? undefined
      : never;
}[keyof Spec<K>['response']];

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "no such part" in an intersection
type None = {};
/** Everything a call of route `K` carries; parts the route does not take are absent. */
export type RouteInput<K extends RouteKey> = (Has<K, 'params'> extends true
  ? { readonly params: RouteParams<K> }
  : None) &
  (Has<K, 'querystring'> extends true ? { readonly query?: RouteQuery<K> } : None) &
  (Has<K, 'body'> extends true
    ? None extends RouteBody<K>
      ? { readonly body?: RouteBody<K> }
      : { readonly body: RouteBody<K> }
    : None);

/** The input as a rest argument: optional when the route needs nothing. */
export type RouteArgs<K extends RouteKey> =
  None extends RouteInput<K> ? [input?: RouteInput<K>] : [input: RouteInput<K>];

/** Splits `"GET /api/clients/:id"` into method and path template. */
export function routeParts(key: RouteKey): { method: string; template: string } {
  const space = key.indexOf(' ');
  return { method: key.slice(0, space), template: key.slice(space + 1) };
}

/** The URL path of a call: `:name` segments filled (encoded), and the query without empty values. */
export function routePath(
  key: RouteKey,
  input: {
    readonly params?: Readonly<Record<string, string>>;
    readonly query?: Readonly<Record<string, string | number | null | undefined>>;
  } = {},
): string {
  const { template } = routeParts(key);
  const path = template.replace(/:(\w+)/g, (_, k: string) =>
    encodeURIComponent(input.params?.[k] ?? ''),
  );
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(input.query ?? {}))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
