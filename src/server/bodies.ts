/** Small checks for JSON bodies and queries, so every route answers 400 with a clear message instead of throwing. */

/** The body as a plain object, or null for anything else (array, string, null). */
export function asObject(body: unknown): Record<string, unknown> | null {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : null;
}

/** A trimmed string of `min`..`max` characters without control characters, or null. */
export function cleanText(v: unknown, min: number, max: number): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  if (t.length < min || t.length > max || /[\u0000-\u001f\u007f]/.test(t)) return null;
  return t;
}

/** Usernames: 3–64 letters, digits and . _ @ - (compared case-insensitively). */
export function cleanUsername(v: unknown): string | null {
  return typeof v === 'string' && /^[A-Za-z0-9._@-]{3,64}$/.test(v.trim()) ? v.trim() : null;
}

/** True for a canonical UUID string. */
export const isUuid = (v: unknown): v is string =>
  typeof v === 'string' &&
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** Keys of `o` that are not in `allowed`, for "unknown field" messages. */
export const unknownKeys = (o: Record<string, unknown>, allowed: readonly string[]): string[] =>
  Object.keys(o).filter((k) => !allowed.includes(k));
