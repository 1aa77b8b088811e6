/**
 * The questionnaire-quality page's route, for coordinators (the pilot's researchers; checked at plugin scope). It
 * returns aggregates only, each with the number of measurements it rests on and nothing below the agency's minimum
 * N, so viewing it is not written to the audit log (no person's data is shown).
 */
import type { FastifyInstance } from 'fastify';
import { qualityReport, sumsByLanguage } from '../../shared/core/itemQuality/report.ts';
import { restrictTo } from '../auth/guard.ts';
import type { Db } from '../db.ts';
import { sendError } from '../errors.ts';
import type { InstrumentRegistry } from '../instruments.ts';
import { route } from '../routing.ts';
import { loadSettings } from '../settingsStore.ts';
import { codesByLanguage } from './qualityStore.ts';

/** What the route needs. */
export interface QualityContext {
  readonly db: Db;
  readonly instruments: InstrumentRegistry;
  readonly clock: () => number;
}

/** `GET /api/quality`: the report over one version of the agency's instrument (the current one by default). */
export function qualityRoutes(app: FastifyInstance, ctx: QualityContext): void {
  restrictTo(app, ctx, ['coordinator']);
  route(app, 'GET /api/quality', async (req, reply) => {
    await ctx.instruments.refresh(ctx.db);
    const current = ctx.instruments.current[0];
    if (!current) return sendError(reply, 404, 'no_instrument', 'no questionnaire is installed');
    // Item statistics are per version: items and scales differ between versions.
    const version = req.query.version;
    const instrument = version === undefined ? current : ctx.instruments.get(current.id, version);
    if (!instrument)
      return sendError(
        reply,
        404,
        'no_such_version',
        `questionnaire version ${version} is not known`,
      );
    const [settings, rows] = await Promise.all([
      loadSettings(ctx.db),
      codesByLanguage(ctx.db, instrument),
    ]);
    return reply.send(
      qualityReport(instrument, sumsByLanguage(instrument, rows), settings.qualityMinN),
    );
  });
}
