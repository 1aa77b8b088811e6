/** What travels between tablet and server besides the route table: the sealed envelope's types and its AAD, canonical JSON. */
import type { Static } from 'typebox';
import type {
  SealedSession as SealedSessionSchema,
  SyncBatch as SyncBatchSchema,
} from './schema/tablet.ts';

/** A completed record encrypted to the server's public key; only ids needed for routing travel in the clear. */
export type SealedSession = Static<typeof SealedSessionSchema>;

/** The body of `POST /api/sync/sessions`. */
export type SyncBatch = Static<typeof SyncBatchSchema>;

/** Most sessions one sync request may carry; the tablet splits a longer outbox (same value as the schema's). */
export const MAX_BATCH_SESSIONS = 100;

/** JSON with object keys sorted at every level, so equal records hash equally whatever order they were built in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The associated data a sealed record is bound to: moving a ciphertext to another id or instrument breaks it. */
export const sealedAssociatedData = (s: {
  sessionId: string;
  instrumentId: string;
  instrumentVersion: number;
}): string => `${s.sessionId}|${s.instrumentId}@${s.instrumentVersion}`;
