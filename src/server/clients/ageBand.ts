/** The age band the research export gives instead of a date of birth (data minimisation: no birth dates leave). */
import { isCalendarDate } from '../../shared/core/details.ts';

/** The bands, youngest first: code and label (codes are what the CSV holds). */
export const AGE_BANDS: readonly (readonly [code: string, label: string])[] = [
  ['0-17', 'under 18'],
  ['18-24', '18 to 24 years'],
  ['25-34', '25 to 34 years'],
  ['35-44', '35 to 44 years'],
  ['45-54', '45 to 54 years'],
  ['55-64', '55 to 64 years'],
  ['65+', '65 years or older'],
];

/** Whole years between a yyyy-mm-dd birth date and a yyyy-mm-dd day, or null when either is not a date. */
export function ageOn(dateOfBirth: string, day: string): number | null {
  if (!isCalendarDate(dateOfBirth) || !isCalendarDate(day)) return null;
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  const age = day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
  return age < 0 ? null : age;
}

/** The band of a client who was born on `dateOfBirth` and answered on `day` (both yyyy-mm-dd); null when unknown. */
export function ageBand(dateOfBirth: string | null | undefined, day: string): string | null {
  const age = dateOfBirth ? ageOn(dateOfBirth, day) : null;
  if (age === null) return null;
  const band = [...AGE_BANDS].reverse().find(([code]) => age >= Number.parseInt(code, 10));
  return band ? band[0] : null;
}
