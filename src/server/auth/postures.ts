/** Posture scale ids staff may name as the postures they work well with. */
import type { InstrumentRegistry } from '../instruments.ts';

/** Every posture scale id of the current instruments. */
export function postureIds(instruments: InstrumentRegistry): ReadonlySet<string> {
  return new Set(
    instruments.current.flatMap((i) =>
      i.scales.filter((s) => s.kind === 'posture').map((s) => s.id),
    ),
  );
}

/** The list without duplicates when every entry is a known posture id, else null. */
export function validPostures(v: unknown, known: ReadonlySet<string>): string[] | null {
  if (!Array.isArray(v) || v.length > known.size) return null;
  if (!v.every((p): p is string => typeof p === 'string' && known.has(p))) return null;
  return [...new Set(v)];
}
