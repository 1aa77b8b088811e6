/** navigator.storage wrapped: persistence and quota, which decide whether the kiosk may start sessions. */

/** Asks the browser to keep our data under storage pressure; false when refused or unsupported. */
export async function requestPersistence(): Promise<boolean> {
  const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!s?.persist) return false;
  try {
    return (await s.persisted()) || (await s.persist());
  } catch {
    return false;
  }
}

/** Bytes used and available to this origin, or null when the browser does not say. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!s?.estimate) return null;
  try {
    const e = await s.estimate();
    return { usage: e.usage ?? 0, quota: e.quota ?? 0 };
  } catch {
    return null;
  }
}

/** Whether the browser already keeps our data under storage pressure, without asking again; null when unknown. */
export async function isPersisted(): Promise<boolean | null> {
  const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!s?.persisted) return null;
  try {
    return await s.persisted();
  } catch {
    return null;
  }
}
