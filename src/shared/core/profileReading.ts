/** How staff read a profile beyond the single scores: a mixed profile, and an imago without a clear top role. */
import type { Instrument } from './instrument.ts';
import type { RoleScore } from './scoring.ts';

/**
 * True when dominant postures come from both sides (deferent and defiant): the single advice texts then contradict
 * each other ("pas op met sancties" beside "focus op sanctionering"), and the instrument's mixed advice applies.
 */
export function isMixedProfile(instrument: Instrument, dominant: readonly string[]): boolean {
  const sides = new Set(
    instrument.scales.filter((s) => dominant.includes(s.id) && s.side).map((s) => s.side),
  );
  return sides.has('deferent') && sides.has('defiant');
}

/** What the role answers say: nothing answered, no clear picture (every answered role ties), or the top role(s). */
export type ImagoReading =
  | { readonly kind: 'none' }
  | { readonly kind: 'unclear'; readonly value: number }
  | { readonly kind: 'clear'; readonly top: readonly string[] };

/**
 * Reads the imago: when two or more roles were answered and all tie (e.g. every answer neutral), naming them all as
 * "mostly" is no picture at all; a tie of some roles above the others is still a picture and names them.
 */
export function readImago(roles: readonly RoleScore[], topRoles: readonly string[]): ImagoReading {
  const answered = roles.filter((r): r is RoleScore & { value: number } => r.value !== null);
  const top = answered.filter((r) => topRoles.includes(r.scale));
  const first = top[0];
  if (!first) return { kind: 'none' };
  if (answered.length > 1 && top.length === answered.length)
    return { kind: 'unclear', value: first.value };
  return { kind: 'clear', top: top.map((r) => r.scale) };
}
