/** The workspace's only door to the server: typed JSON calls against the contract in src/shared/core/workspaceApi.ts. */
import { now } from '../shared/platform/clock.ts';
import type { ApiError as ApiErrorBody } from '../shared/contract/protocol.ts';

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

/** Fills `:id`-style segments of a contract path. */
export function path(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(params[k] ?? ''));
}

/** Adds a query string, leaving out empty values. */
export function withQuery(p: string, query: Readonly<Record<string, string | null | undefined>>) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${p}?${s}` : p;
}

/** GETs started ahead of their screen (see preload), with when they started. */
const preloaded = new Map<string, { readonly at: number; readonly answer: Promise<unknown> }>();
/** A preloaded answer older than this is not handed out (the screen was never shown; fetch afresh). */
const PRELOAD_FRESH_MS = 5000;

/** Starts a GET now; the next `api('GET', url)` within a few seconds gets its answer instead of asking again. */
export function preload(url: string): void {
  const answer = api('GET', url);
  answer.catch(() => undefined);
  preloaded.set(url, { at: now(), answer });
}

/** One call: JSON in, JSON out (or undefined for 204); throws ApiError for any non-2xx status. */
export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const early = method === 'GET' ? preloaded.get(url) : undefined;
  if (early) {
    preloaded.delete(url);
    if (now() - early.at < PRELOAD_FRESH_MS) return early.answer as Promise<T>;
  }
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
  if (res.status === 204) return undefined as T;
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
  return data as T;
}
