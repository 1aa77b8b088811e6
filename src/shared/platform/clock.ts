/** The clock, wrapped so tests and the domain get time as a value, never by reading a global. */

/** Milliseconds since the epoch. */
export const now = (): number => Date.now();

/** Today's local date as yyyy-mm-dd, for validating a date of birth. */
export function today(at: number = now()): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
