/**
 * The clips the server rendered after the build (table speech_clips, migration 017): in the database like the agency's
 * recordings, so whichever instance a tablet reaches serves every clip, and instances rendering at the same time
 * claim each clip first instead of rendering it twice.
 */
import type { Queryable } from '../db.ts';

/** One clip to render: its content name (renderKey), the eSpeak voice and the words. */
export interface ClipWanted {
  readonly renderKey: string;
  readonly voice: string;
  readonly text: string;
}

/** A claim older than this is taken over: the instance that made it stopped or its rendering failed. */
const CLAIM_MS = 2 * 60_000;

/** Which of `keys` have their audio stored. */
export async function readyClips(db: Queryable, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const r = await db.query<{ render_key: string }>(
    'SELECT render_key FROM speech_clips WHERE render_key = ANY($1::text[]) AND audio IS NOT NULL',
    [[...new Set(keys)]],
  );
  return new Set(r.rows.map((x) => x.render_key));
}

/** Claims a clip for rendering; false when it is stored already or another instance is rendering it now. */
export async function claimClip(db: Queryable, c: ClipWanted, now: number): Promise<boolean> {
  const at = new Date(now).toISOString();
  const r = await db.query(
    `INSERT INTO speech_clips (render_key, voice, text, claimed_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (render_key) DO UPDATE SET claimed_at = EXCLUDED.claimed_at
       WHERE speech_clips.audio IS NULL AND speech_clips.claimed_at < $5
     RETURNING render_key`,
    [c.renderKey, c.voice, c.text, at, new Date(now - CLAIM_MS).toISOString()],
  );
  return r.rowCount > 0;
}

/** Stores a rendered clip (its claim becomes the clip). */
export async function storeClip(
  db: Queryable,
  renderKey: string,
  audio: Uint8Array,
  now: number,
): Promise<void> {
  await db.query('UPDATE speech_clips SET audio = $2, rendered_at = $3 WHERE render_key = $1', [
    renderKey,
    Buffer.from(audio.buffer, audio.byteOffset, audio.byteLength),
    new Date(now).toISOString(),
  ]);
}

/** A stored clip's voice and audio, or null. */
export async function clipAudio(
  db: Queryable,
  renderKey: string,
): Promise<{ voice: string; audio: Uint8Array } | null> {
  const r = await db.query<{ voice: string; audio: Uint8Array }>(
    'SELECT voice, audio FROM speech_clips WHERE render_key = $1 AND audio IS NOT NULL',
    [renderKey],
  );
  return r.rows[0] ?? null;
}

/** How many clips are stored and the newest: tablets' configs carry it, so new clips reach their caches. */
export async function clipsRevision(db: Queryable): Promise<string> {
  const r = await db.query<{ n: number; newest: Date | string | null }>(
    'SELECT count(*)::int AS n, max(rendered_at) AS newest FROM speech_clips WHERE audio IS NOT NULL',
  );
  const row = r.rows[0];
  return row && row.n > 0 ? `${row.n}@${new Date(row.newest!).toISOString()}` : '0';
}
