/** Days as Dutch staff type and read them (dd-mm-jjjj), and the yyyy-mm-dd the API takes. */
import { isCalendarDate } from '../../shared/core/details.ts';

/** yyyy-mm-dd → dd-mm-yyyy (empty stays empty; anything else is shown as it is). */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/**
 * What staff typed as a day → yyyy-mm-dd, or null when it is no day in 1900–2999 (the server's range). Accepts
 * d-m-yyyy with -, /, . or a space between, and yyyy-mm-dd as pasted from elsewhere.
 */
export function parseDay(text: string): string | null {
  const t = text.trim();
  const dmy = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(t);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isCalendarDate(iso) && y >= '1900' && y <= '2999' ? iso : null;
}
