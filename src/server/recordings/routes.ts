/**
 * Agency recordings: coordinators record or upload a client text per language (audited); tablets get the language's
 * manifest with the recordings in it, and the recordings themselves, from the same /audio/<lng>/ paths as the pack.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../api.ts';
import { audit } from '../auth/auditRequest.ts';
import { principal, restrictTo } from '../auth/guard.ts';
import { sendError } from '../errors.ts';
import { route } from '../routing.ts';
import type { AudioManifest, ManifestEntry } from '../../shared/core/audioManifest.ts';
import { clipAudio } from '../speech/clipStore.ts';
import { packNow } from '../speech/packNow.ts';
import { VOICES } from '../../shared/speechRender/voices.ts';
import { checkAudio } from './audioCheck.ts';
import {
  isCurrent,
  listRecordings,
  recordable,
  recordingAudio,
  saveRecording,
  withRecordings,
  type RecordingRow,
} from './store.ts';

/** What the recording routes need beside the database: the built PWA with its audio packs. */
export interface RecordingContext extends ApiContext {
  readonly distDir: string;
}

type Source = 'recorded' | 'synthetic' | 'missing';

/** The texts clients hear now with their entries; `pending` ones have no audio yet (their clips are being rendered). */
interface TextsNow {
  readonly lng: string;
  readonly fallbackNote: string | null;
  readonly entries: Readonly<Record<string, ManifestEntry>>;
  readonly pending: ReadonlySet<string>;
}

/** Each text clients hear now with where its audio comes from (run-time clips of changed texts count as synthetic). */
function describe(m: TextsNow, recs: readonly RecordingRow[]) {
  const byKey = new Map(recs.map((r) => [r.key, r]));
  return Object.entries(m.entries).map(([key, e]) => {
    const rec = byKey.get(key);
    const source: Source =
      (isCurrent(rec, e) && recordable(e)) || e.recorded
        ? 'recorded'
        : m.fallbackNote || m.pending.has(key)
          ? 'missing'
          : 'synthetic';
    return {
      key,
      text: e.template,
      source,
      recordable: recordable(e),
      recording: rec
        ? {
            mime: rec.mime,
            bytes: rec.bytes,
            recordedAt: rec.recordedAt,
            stale: !isCurrent(rec, e),
          }
        : null,
    };
  });
}

function counts(lng: string, texts: ReturnType<typeof describe>) {
  return {
    lng,
    recorded: texts.filter((t) => t.source === 'recorded').length,
    synthetic: texts.filter((t) => t.source === 'synthetic').length,
    missing: texts.filter((t) => t.source === 'missing').length,
    stale: texts.filter((t) => t.recording?.stale).length,
  };
}

/** The /api/recordings routes; coordinators only. */
export function recordingRoutes(app: FastifyInstance, ctx: RecordingContext): void {
  restrictTo(app, ctx, ['coordinator']);
  const manifestOf = async (lng: string): Promise<TextsNow | null> => {
    const now = await packNow(ctx, lng);
    return now
      ? {
          lng: now.built.lng,
          fallbackNote: now.built.fallbackNote,
          entries: now.current,
          pending: now.pending,
        }
      : null;
  };

  route(app, 'GET /api/recordings', async () => {
    const out = [];
    for (const lng of packLanguages(ctx.distDir)) {
      const m = await manifestOf(lng);
      if (m) out.push(counts(lng, describe(m, await listRecordings(ctx.db, lng))));
    }
    return out;
  });

  route(app, 'GET /api/recordings/:lng', async (req, reply) => {
    const m = await manifestOf(req.params.lng);
    if (!m) return sendError(reply, 404, 'not_found', 'no audio pack for this language');
    const texts = describe(m, await listRecordings(ctx.db, m.lng));
    return { counts: counts(m.lng, texts), fallbackNote: m.fallbackNote, texts };
  });

  route(app, 'PUT /api/recordings/:lng/:key', async (req, reply) => {
    const { lng, key } = req.params;
    const m = await manifestOf(lng);
    const entry = m?.entries[key];
    if (!entry) return sendError(reply, 404, 'not_found', 'no such text in this language');
    if (!recordable(entry))
      return sendError(
        reply,
        409,
        'has_placeholders',
        'texts with placeholders are put together when played; they cannot be recorded',
      );
    const checked = checkAudio(req.body.mime, req.body.audio);
    if (!checked.ok) return sendError(reply, checked.status, checked.error, checked.message);
    const now = ctx.clock();
    await ctx.db.transaction(async (tx) => {
      await saveRecording(
        tx,
        { lng, key, sourceText: entry.template, mime: checked.mime, audio: checked.bytes },
        principal(req).userId,
        now,
      );
      await audit(
        tx,
        req,
        now,
        'recording_save',
        null,
        `${lng} ${key} (${checked.mime}, ${checked.bytes.length} bytes)`,
      );
    });
    return describe(m, await listRecordings(ctx.db, lng)).find((t) => t.key === key)!;
  });

  route(app, 'GET /api/recordings/:lng/:key', async (req, reply) => {
    const a = await recordingAudio(ctx.db, req.params.lng, { key: req.params.key });
    if (!a) return sendError(reply, 404, 'not_found', 'no recording of this text');
    return reply.type(a.mime).send(Buffer.from(a.audio));
  });

  route(app, 'DELETE /api/recordings/:lng/:key', async (req, reply) => {
    const { lng, key } = req.params;
    const m = await manifestOf(lng);
    if (!m?.entries[key])
      return sendError(reply, 404, 'not_found', 'no such text in this language');
    const now = ctx.clock();
    await ctx.db.transaction(async (tx) => {
      const r = await tx.query('DELETE FROM recordings WHERE lng = $1 AND key = $2', [lng, key]);
      if (r.rowCount > 0) await audit(tx, req, now, 'recording_delete', null, `${lng} ${key}`);
    });
    return describe(m, await listRecordings(ctx.db, lng)).find((t) => t.key === key)!;
  });

  route(app, 'DELETE /api/recordings/:lng', async (req) => {
    const { lng } = req.params;
    const now = ctx.clock();
    return ctx.db.transaction(async (tx) => {
      const r = await tx.query('DELETE FROM recordings WHERE lng = $1', [lng]);
      await audit(
        tx,
        req,
        now,
        'recordings_erase',
        null,
        `${lng}: ${r.rowCount} recordings erased`,
      );
      return { erased: r.rowCount };
    });
  });
}

/** The languages the build made packs for, Dutch first. */
function packLanguages(distDir: string): string[] {
  const dir = join(distDir, 'audio');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((d) => existsSync(join(dir, d, 'manifest.json')))
        .sort((a, b) => Number(b === 'nl') - Number(a === 'nl') || a.localeCompare(b))
    : [];
}

/**
 * Anonymous like the pack files: GET /audio/:lng/manifest.json with recordings and the run-time clips of texts changed
 * after the build, GET /audio/:lng/rec/:file (a recording) and GET /audio/:lng/rt/:file (a run-time clip).
 */
export function packRoutes(app: FastifyInstance, ctx: RecordingContext): void {
  app.get<{ Params: { lng: string } }>('/audio/:lng/manifest.json', async (req, reply) => {
    const now = await packNow(ctx, req.params.lng);
    if (!now) return sendError(reply, 404, 'not_found', 'not found');
    const recs = await listRecordings(ctx.db, now.built.lng);
    let merged: AudioManifest = withRecordings(now.built, recs);
    if (Object.keys(now.runtime).length > 0)
      merged = {
        ...merged,
        runtime: withRecordings({ ...now.built, entries: now.runtime }, recs).entries,
      };
    return reply
      .header('Cache-Control', 'no-cache')
      .type('application/json')
      .send(JSON.stringify(merged));
  });
  app.get<{ Params: { lng: string; file: string } }>(
    '/audio/:lng/rec/:file',
    async (req, reply) => {
      const sha = /^([0-9a-f]{24})\.[a-z0-9]{3,4}$/.exec(req.params.file)?.[1];
      const a = sha ? await recordingAudio(ctx.db, req.params.lng, { shaPrefix: sha }) : null;
      if (!a) return sendError(reply, 404, 'not_found', 'not found');
      // Named by content: a new take of the text gets a new name, so this one never changes.
      return reply
        .header('Cache-Control', 'public, max-age=31536000, immutable')
        .type(a.mime)
        .send(Buffer.from(a.audio));
    },
  );
  app.get<{ Params: { lng: string; file: string } }>('/audio/:lng/rt/:file', async (req, reply) => {
    const key = /^([0-9a-f]{32})\.mp3$/.exec(req.params.file)?.[1];
    const clip = key ? await clipAudio(ctx.db, key) : null;
    // Only in the voice of this language's pack: a clip is never heard in another language's voice.
    if (!clip || clip.voice !== VOICES[req.params.lng]?.voice)
      return sendError(reply, 404, 'not_found', 'not found');
    // Named by its content (render version, voice, words): it never changes.
    return reply
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .type('audio/mpeg')
      .send(Buffer.from(clip.audio));
  });
}
