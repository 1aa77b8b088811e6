/** A Preact hook that gives components the translate function and re-renders them when the language changes. */
import { useEffect, useState } from 'preact/hooks';
import type { TFunction } from 'i18next';
import { i18next } from './index.ts';
import { isStaffNamespace, onStaffLanguage, staffLanguage } from './staffLanguage.ts';

/** The current `t`, fixed to a namespace when given; staff namespaces follow the staff language, not the client's. */
export function useT(ns?: string): TFunction {
  const [, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((n) => n + 1);
    i18next.on('languageChanged', bump);
    const off = onStaffLanguage(bump);
    return () => {
      i18next.off('languageChanged', bump);
      off();
    };
  }, []);
  if (!ns) return i18next.t;
  return i18next.getFixedT(isStaffNamespace(ns) ? staffLanguage() : null, ns);
}
