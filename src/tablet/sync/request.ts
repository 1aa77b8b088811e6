/**
 * One request of the tablet to its server, with a deadline that covers the answer's body too: a request that never
 * answers must end, or it holds the sync loop and its Web Lock forever.
 */

/** How long a sync request may take, headers and body (ms). */
export const SYNC_REQUEST_TIMEOUT_MS = 30_000;

/** How long the status report may take (ms): it is a side note and must never hold anything up. */
export const STATUS_REQUEST_TIMEOUT_MS = 15_000;

/** What the tablet needs of an answer: its status, headers and JSON body (null when not JSON). */
export interface TimedAnswer {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: Headers;
  readonly body: unknown;
}

/** Raised when the deadline passed; the request was aborted. */
export class RequestTimeout extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'RequestTimeout';
  }
}

/** Sends `init` to `url` and reads the JSON answer, or rejects with `RequestTimeout` after `timeoutMs`. */
export async function requestJson(
  fetchFn: typeof fetch,
  url: URL,
  init: RequestInit,
  timeoutMs: number,
): Promise<TimedAnswer> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race also ends a fetch that ignores its abort signal.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new RequestTimeout(timeoutMs));
    }, timeoutMs);
  });
  const answer = (async (): Promise<TimedAnswer> => {
    const response = await fetchFn(url, { ...init, signal: controller.signal });
    const body: unknown = await response.json().catch(() => null);
    return { status: response.status, ok: response.ok, headers: response.headers, body };
  })();
  try {
    return await Promise.race([answer, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
