/** Loads data for a screen: loading, the value, or the API error (403 shown as "no access", never as data). */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.ts';

/** The state of one load. */
export type Load<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ok'; readonly value: T }
  | { readonly state: 'error'; readonly error: ApiError };

/** Runs `fn` when `key` changes; `reload` runs it again. */
export function useLoad<T>(fn: () => Promise<T>, key: string): [Load<T>, () => void] {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoad((l) => (l.state === 'ok' && tick > 0 ? l : { state: 'loading' }));
    fn().then(
      (value) => live && setLoad({ state: 'ok', value }),
      (e: unknown) =>
        live &&
        setLoad({
          state: 'error',
          error: e instanceof ApiError ? e : new ApiError(0, 'network', String(e)),
        }),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  return [load, useCallback(() => setTick((n) => n + 1), [])];
}
