/**
 * Staff mode's own language (Dutch or English), independent of the client's: a client may answer in Farsi while
 * staff read their screens in English. Only the staff namespaces follow it.
 */

/** The languages staff screens are written in. */
export const STAFF_LANGUAGES = ['nl', 'en'] as const;
/** One of the staff languages. */
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];

const STAFF_NAMESPACES = new Set(['staff', 'sync']);
const listeners = new Set<() => void>();
let current: StaffLanguage = 'nl';

/** True for namespaces that belong to staff screens. */
export const isStaffNamespace = (ns: string): boolean => STAFF_NAMESPACES.has(ns);

/** The language staff screens show now. */
export const staffLanguage = (): StaffLanguage => current;

/** Switches the staff screens (not the client's) to `lng`. */
export function setStaffLanguage(lng: StaffLanguage): void {
  current = lng;
  listeners.forEach((l) => l());
}

/** Calls `listener` after every staff language switch; returns the unsubscribe. */
export function onStaffLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
