/**
 * Beheer → Vragenlijst for coordinators: check a revised questionnaire and show its diff (preview), store it as the
 * next version (audited; tablets start new clients on it from their next configuration fetch), list the versions with
 * how many measurements each has.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  checkVersionUpload,
  type VersionProblem,
} from '../../shared/core/instrumentVersions/check.ts';
import { diffVersions } from '../../shared/core/instrumentVersions/diff.ts';
import { itemsInOrder, type Instrument } from '../../shared/core/instrument.ts';
import type { ApiContext } from '../api.ts';
import { audit } from '../auth/auditRequest.ts';
import { principal, restrictTo } from '../auth/guard.ts';
import type { Queryable } from '../db.ts';
import { sendError } from '../errors.ts';
import { route } from '../routing.ts';
import { loadVersionedSettings } from '../settingsStore.ts';
import { versionTexts } from '../versionTexts.ts';

const refuse = (reply: FastifyReply, problems: readonly VersionProblem[]) =>
  reply
    .code(422)
    .type('application/json; charset=utf-8')
    .send({
      error: 'instrument_problems',
      message: `the questionnaire was not stored: ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
      problems,
    });

/** The version new clients get now (the newest of the first instrument). */
function currentInstrument(ctx: ApiContext): Instrument {
  const i = ctx.instruments.current[0];
  if (!i) throw new Error('no instrument');
  return i;
}

/** Checks an upload against what the database holds now (another instance may have stored a version). */
async function check(
  ctx: ApiContext,
  db: Queryable,
  body: { instrument: unknown; translations: object },
) {
  await ctx.instruments.refresh(db);
  const current = currentInstrument(ctx);
  const { settings } = await loadVersionedSettings(db);
  const checked = checkVersionUpload(
    body.instrument,
    body.translations as Record<string, unknown>,
    {
      current,
      knownVersions: ctx.instruments
        .all()
        .filter((i) => i.id === current.id)
        .map((i) => i.version),
      languages: settings.languages,
    },
  );
  return { current, checked };
}

/** Records `instrument` as the version tablets give new clients (table instrument_current). */
async function setCurrent(db: Queryable, instrument: Instrument, at: number, by: string) {
  await db.query(
    `INSERT INTO instrument_current (instrument_id, version, set_at, set_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (instrument_id) DO UPDATE SET version = EXCLUDED.version, set_at = EXCLUDED.set_at,
       set_by = EXCLUDED.set_by`,
    [instrument.id, instrument.version, new Date(at).toISOString(), by],
  );
}

/** Routes under /api/instrument-versions; coordinators only. */
export function instrumentRoutes(app: FastifyInstance, ctx: ApiContext): void {
  restrictTo(app, ctx, ['coordinator']);

  route(app, 'GET /api/instrument-versions', async () => {
    await ctx.instruments.refresh(ctx.db);
    const [counts, stored] = await Promise.all([
      ctx.db.query<{ id: string; version: number; n: number }>(
        `SELECT instrument_id AS id, instrument_version AS version, count(*)::int AS n
         FROM measurements GROUP BY 1, 2`,
      ),
      ctx.db.query<{ id: string; version: number; created_at: Date | string; name: string | null }>(
        `SELECT v.instrument_id AS id, v.version, v.created_at, u.name
         FROM instrument_versions v LEFT JOIN users u ON u.id::text = v.created_by`,
      ),
    ]);
    const key = (id: string, version: number) => `${id}@${version}`;
    const n = new Map(counts.rows.map((r) => [key(r.id, r.version), r.n]));
    const meta = new Map(stored.rows.map((r) => [key(r.id, r.version), r]));
    const current = new Set(ctx.instruments.current.map((i) => key(i.id, i.version)));
    return ctx.instruments
      .all()
      .map((i) => {
        const m = meta.get(key(i.id, i.version));
        return {
          id: i.id,
          version: i.version,
          title: i.title,
          items: itemsInOrder(i).length,
          scales: i.scales.map((s) => s.id),
          origin: m ? ('upload' as const) : ('file' as const),
          createdAt: m ? new Date(m.created_at).toISOString() : null,
          createdBy: m?.name ?? null,
          measurements: n.get(key(i.id, i.version)) ?? 0,
          current: current.has(key(i.id, i.version)),
          definition: i,
          texts: versionTexts(ctx.instruments, i).texts,
        };
      })
      .reverse();
  });

  route(app, 'POST /api/instrument-versions/preview', async (req, reply) => {
    const { current, checked } = await check(ctx, ctx.db, req.body);
    if (!checked.ok) return refuse(reply, checked.problems);
    const { instrument, translations } = checked.value;
    return {
      id: instrument.id,
      version: instrument.version,
      title: instrument.title,
      baseVersion: current.version,
      ...diffVersions(current, instrument),
      languages: Object.keys(translations).sort(),
    };
  });

  route(app, 'POST /api/instrument-versions', async (req, reply) => {
    const by = principal(req);
    const at = ctx.clock();
    const result = await ctx.db.transaction(async (tx) => {
      const { current, checked } = await check(ctx, tx, req.body);
      if (!checked.ok) return checked;
      const { instrument, translations } = checked.value;
      const inserted = await tx.query(
        `INSERT INTO instrument_versions (instrument_id, version, definition, translations, created_at, created_by)
         VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6) ON CONFLICT DO NOTHING`,
        [
          instrument.id,
          instrument.version,
          JSON.stringify(req.body.instrument),
          JSON.stringify(translations),
          new Date(at).toISOString(),
          by.userId,
        ],
      );
      if (inserted.rowCount === 0) return 'conflict' as const;
      // A new version becomes current, also when an older one had been made current again.
      await setCurrent(tx, instrument, at, by.userId);
      const diff = diffVersions(current, instrument);
      await audit(
        tx,
        req,
        at,
        'instrument_version',
        null,
        `${instrument.id} version ${instrument.version} loaded (was ${current.version}): ` +
          `items +${diff.items.added.length} −${diff.items.removed.length} ~${diff.items.changed.length}, ` +
          `scales +${diff.scales.added.length} −${diff.scales.removed.length} ~${diff.scales.changed.length}; ` +
          `languages ${Object.keys(translations).sort().join(', ') || 'nl only'}`,
      );
      return { id: instrument.id, version: instrument.version };
    });
    if (result === 'conflict')
      return sendError(
        reply,
        409,
        'version_conflict',
        'this version was stored meanwhile (another coordinator); check the file again',
      );
    if ('problems' in result) return refuse(reply, result.problems);
    await ctx.instruments.refresh(ctx.db);
    return reply.code(201).send(result);
  });

  route(app, 'POST /api/instrument-versions/:version/current', async (req, reply) => {
    const version = Number(req.params.version);
    const by = principal(req);
    const at = ctx.clock();
    const result = await ctx.db.transaction(async (tx) => {
      await ctx.instruments.refresh(tx); // another instance may have stored or chosen a version
      const before = currentInstrument(ctx);
      const wanted = ctx.instruments.get(before.id, version);
      if (!wanted) return null;
      if (wanted.version === before.version) return wanted; // already current: nothing changes, nothing logged
      await setCurrent(tx, wanted, at, by.userId);
      await audit(
        tx,
        req,
        at,
        'instrument_current',
        null,
        `${wanted.id} version ${wanted.version} made current (was ${before.version}); tablets give it to new clients`,
      );
      return wanted;
    });
    if (!result) return sendError(reply, 404, 'not_found', 'no such questionnaire version');
    await ctx.instruments.refresh(ctx.db);
    return { id: result.id, version: result.version };
  });
}
