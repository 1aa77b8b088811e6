/** A Preact hook that gives components the translate function and re-renders them when the language changes. */
import { useEffect, useState } from 'preact/hooks';
import type { TFunction } from 'i18next';
import { i18next } from './index.ts';

/** The current `t`, fixed to a namespace when given. */
export function useT(ns?: string): TFunction {
  const [, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((n) => n + 1);
    i18next.on('languageChanged', bump);
    return () => i18next.off('languageChanged', bump);
  }, []);
  return ns ? i18next.getFixedT(null, ns) : i18next.t;
}
