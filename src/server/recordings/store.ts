/**
 * The agency's recordings in the database, and how they change a language's audio pack: the built manifest
 * (dist/audio/<lng>/manifest.json) with each recorded text pointing at its recording instead of the eSpeak clip.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AudioManifest, ManifestEntry } from '../../shared/core/audioManifest.ts';
import type { Queryable } from '../db.ts';
import { EXTENSION } from './audioCheck.ts';

/** A stored recording without its bytes. */
export interface RecordingRow {
  readonly lng: string;
  readonly key: string;
  readonly sourceText: string;
  readonly mime: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly recordedAt: string;
}

/** Where a recording lives in the pack: under rec/, named by its content so a new take gets a new URL. */
export const recordingFile = (r: Pick<RecordingRow, 'sha256' | 'mime'>): string =>
  `rec/${r.sha256.slice(0, 24)}.${EXTENSION[r.mime] ?? 'bin'}`;

/** The language's built manifest, or null when the build has no pack for it. */
export function builtManifest(distDir: string, lng: string): AudioManifest | null {
  const file = join(distDir, 'audio', lng, 'manifest.json');
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})?$/.test(lng) || !existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as AudioManifest;
}

/** Every recording of a language, without the audio. */
export async function listRecordings(db: Queryable, lng: string): Promise<RecordingRow[]> {
  const r = await db.query<{
    lng: string;
    key: string;
    source_text: string;
    mime: string;
    bytes: number;
    sha256: string;
    recorded_at: Date | string;
  }>(
    `SELECT lng, key, source_text, mime, length(audio)::int AS bytes, sha256, recorded_at
       FROM recordings WHERE lng = $1`,
    [lng],
  );
  return r.rows.map((x) => ({
    lng: x.lng,
    key: x.key,
    sourceText: x.source_text,
    mime: x.mime,
    bytes: x.bytes,
    sha256: x.sha256,
    recordedAt: new Date(x.recorded_at).toISOString(),
  }));
}

/** Stores (or replaces) the recording of `key` in `lng`, recorded for the wording `sourceText`. */
export async function saveRecording(
  db: Queryable,
  r: { lng: string; key: string; sourceText: string; mime: string; audio: Buffer },
  by: string,
  now: number,
): Promise<void> {
  const sha = createHash('sha256').update(r.audio).digest('hex');
  await db.query(
    `INSERT INTO recordings (lng, key, source_text, mime, audio, sha256, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (lng, key) DO UPDATE SET source_text = EXCLUDED.source_text, mime = EXCLUDED.mime,
       audio = EXCLUDED.audio, sha256 = EXCLUDED.sha256, recorded_at = EXCLUDED.recorded_at,
       recorded_by = EXCLUDED.recorded_by`,
    [r.lng, r.key, r.sourceText, r.mime, r.audio, sha, new Date(now).toISOString(), by],
  );
}

/** The audio of one recording: by key (listening back) or by its pack file's hash prefix (tablets). */
export async function recordingAudio(
  db: Queryable,
  lng: string,
  by: { key: string } | { shaPrefix: string },
): Promise<{ mime: string; audio: Uint8Array } | null> {
  const r =
    'key' in by
      ? await db.query<{ mime: string; audio: Uint8Array }>(
          'SELECT mime, audio FROM recordings WHERE lng = $1 AND key = $2',
          [lng, by.key],
        )
      : await db.query<{ mime: string; audio: Uint8Array }>(
          'SELECT mime, audio FROM recordings WHERE lng = $1 AND substr(sha256, 1, 24) = $2',
          [lng, by.shaPrefix],
        );
  return r.rows[0] ?? null;
}

/** True when a recording still fits the text now in the pack (the wording it was recorded for is unchanged). */
export const isCurrent = (rec: RecordingRow | undefined, entry: ManifestEntry): boolean =>
  rec !== undefined && rec.sourceText === entry.template;

/** Texts with placeholders (numbers, the agency's name) are put together at play time, so they are not recorded. */
export const recordable = (entry: ManifestEntry): boolean => !/\{\{/.test(entry.template);

/** The manifest a tablet reads: recorded texts point at their recording; stale recordings are left out. */
export function withRecordings(m: AudioManifest, recs: readonly RecordingRow[]): AudioManifest {
  const byKey = new Map(recs.map((r) => [r.key, r]));
  let bytes = m.bytes;
  const entries: Record<string, ManifestEntry> = {};
  for (const [key, e] of Object.entries(m.entries)) {
    const rec = byKey.get(key);
    if (rec && isCurrent(rec, e) && recordable(e)) {
      entries[key] = { ...e, segments: [{ file: recordingFile(rec) }], recorded: true };
      bytes += rec.bytes;
    } else entries[key] = e;
  }
  return { ...m, entries, bytes };
}
