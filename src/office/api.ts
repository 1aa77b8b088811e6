/** The workspace's only door to the server: calls typed from the contract's route table (src/shared/contract/routes.ts). */
import { now } from '../shared/platform/clock.ts';
import type { ApiError as ApiErrorBody } from '../shared/contract/protocol.ts';
import {
  routeParts,
  routePath,
  type RouteAnswer,
  type RouteArgs,
  type RouteKey,
} from '../shared/contract/client.ts';

/** A non-2xx answer: keeps the status and the server's error code so screens can say what went wrong. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Listeners told when any call answers 401 (signed out by the server, e.g. idle or sign-out everywhere). */
const signedOutListeners = new Set<() => void>();

/** Subscribes to "the server says you are signed out". */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** GETs started ahead of their screen (see preload), with when they started. */
const preloaded = new Map<string, { readonly at: number; readonly answer: Promise<unknown> }>();
/** A preloaded answer older than this is not handed out (the screen was never shown; fetch afresh). */
const PRELOAD_FRESH_MS = 5000;

/** The URL of a call, as the preload cache keys it. */
const urlOf = (key: RouteKey, input: unknown): string => routePath(key, input ?? {});

/** Starts a GET now; the next `call` of the same route and input within a few seconds gets its answer. */
export function preload<K extends RouteKey>(key: K, ...args: RouteArgs<K>): void {
  const answer = call(key, ...args);
  answer.catch(() => undefined);
  preloaded.set(urlOf(key, args[0]), { at: now(), answer });
}

/**
 * Calls route `key` of the contract ("GET /api/clients/:id") with its params, query and body; the answer's type
 * comes from the route table. Throws ApiError for any non-2xx status.
 */
export async function call<K extends RouteKey>(
  key: K,
  ...args: RouteArgs<K>
): Promise<RouteAnswer<K>> {
  const { method } = routeParts(key);
  const input = args[0] as { body?: unknown } | undefined;
  const url = urlOf(key, input);
  const early = method === 'GET' ? preloaded.get(url) : undefined;
  if (early) {
    preloaded.delete(url);
    if (now() - early.at < PRELOAD_FRESH_MS) return early.answer as Promise<RouteAnswer<K>>;
  }
  return (await send(method, url, input?.body)) as RouteAnswer<K>;
}

/**
 * GETs route `key` whose answer is not JSON (audio) as a Blob; throws ApiError with the server's code for any
 * non-2xx status, like `call`.
 */
export async function callBlob<K extends RouteKey>(key: K, ...args: RouteArgs<K>): Promise<Blob> {
  const res = await fetch(urlOf(key, args[0]), { credentials: 'same-origin' });
  if (res.ok) return res.blob();
  let err: Partial<ApiErrorBody> = {};
  try {
    err = (await res.json()) as Partial<ApiErrorBody>;
  } catch {
    err = {};
  }
  if (res.status === 401) signedOutListeners.forEach((l) => l());
  throw new ApiError(
    res.status,
    err.error ?? 'http_' + res.status,
    err.message ?? res.statusText,
    err,
  );
}

/** One request: JSON in, JSON out (or undefined for 204); throws ApiError for any non-2xx status. */
async function send(method: string, url: string, body?: unknown): Promise<unknown> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  };
  // The server takes state-changing calls only as JSON (its CSRF guard), so even a bodiless POST sends {}.
  if (body !== undefined || method !== 'GET') {
    init.body = JSON.stringify(body ?? {});
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  const res = await fetch(url, init);
  if (res.status === 204) return undefined;
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const err = (data ?? {}) as Partial<ApiErrorBody>;
    if (res.status === 401 && url !== '/api/auth/login' && url !== '/api/auth/password')
      signedOutListeners.forEach((l) => l());
    throw new ApiError(
      res.status,
      err.error ?? 'http_' + res.status,
      err.message ?? res.statusText,
      data,
    );
  }
  return data;
}
