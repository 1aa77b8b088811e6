/** Which staff member fits a client best, for the coordinator's link screen. Pure; the server supplies the data. */

/** A staff member as the suggestion sees them. */
export interface StaffCandidate {
  readonly id: string;
  readonly name: string;
  /** Posture scale ids they work well with. */
  readonly postures: readonly string[];
  /** Clients linked to them now. */
  readonly caseload: number;
  readonly disabled: boolean;
}

/** One ranked suggestion. */
export interface Suggestion {
  readonly staffId: string;
  readonly name: string;
  readonly caseload: number;
  readonly matched: readonly string[];
  readonly score: number;
}

/** How much a full caseload counts against a full fit. */
export const CASELOAD_WEIGHT = 0.5;

/**
 * Ranks active staff for a client with dominant postures `dominant` (latest measurement), best first:
 *
 *   fit   = |dominant ∩ staff postures| / |dominant|          (0 when the client has no dominant posture)
 *   load  = caseload / (1 + the highest caseload among the candidates)   (0 ≤ load < 1)
 *   score = fit − 0.5 · load                                   (rounded to 3 decimals)
 *
 * A fit better by 0.5 or more (e.g. one more of two dominant postures) always wins, whatever the caseloads; among
 * equal fits the one with fewer clients comes first. Ties: fewer clients, then name. Disabled staff are left out.
 */
export function suggestStaff(
  dominant: readonly string[],
  staff: readonly StaffCandidate[],
): Suggestion[] {
  const active = staff.filter((s) => !s.disabled);
  const maxLoad = Math.max(0, ...active.map((s) => s.caseload));
  const wanted = [...new Set(dominant)];
  return active
    .map((s) => {
      const matched = wanted.filter((p) => s.postures.includes(p));
      const fit = wanted.length === 0 ? 0 : matched.length / wanted.length;
      const load = s.caseload / (1 + maxLoad);
      const score = Math.round((fit - CASELOAD_WEIGHT * load) * 1000) / 1000;
      return { staffId: s.id, name: s.name, caseload: s.caseload, matched, score };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.caseload - b.caseload ||
        a.name.localeCompare(b.name) ||
        a.staffId.localeCompare(b.staffId),
    );
}

/** Picks one item with `random` (0 ≤ r < 1), as the pilot linked clients to staff at random; null when empty. */
export function pickAtRandom<T>(items: readonly T[], random: () => number): T | null {
  if (items.length === 0) return null;
  const r = random();
  const i = Math.min(items.length - 1, Math.max(0, Math.floor(r * items.length)));
  return items[i] ?? null;
}
