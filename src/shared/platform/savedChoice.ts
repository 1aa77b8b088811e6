/**
 * A small choice this browser remembers (the workspace's screen language), wrapped so the rest of the code never
 * touches localStorage; a browser that refuses storage simply forgets.
 */

/** The remembered value of `key`, or null. */
export function savedChoice(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Remembers `value` under `key` (best effort). */
export function saveChoice(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or storage refused: the choice lasts until the page reloads.
  }
}
