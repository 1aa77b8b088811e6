/** Agency settings and language review, for coordinators. */
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../api.ts';
import { audit } from '../auth/auditRequest.ts';
import { principal, restrictTo } from '../auth/guard.ts';
import { route } from '../routing.ts';
import { sendError } from '../errors.ts';
import { loadSettings, saveSettings } from '../settingsStore.ts';
import { checkSettings } from '../../shared/core/settings.ts';
import { settingsChangeDetail } from './settingsAudit.ts';
import { languageReviews, saveLanguageReview } from './languages.ts';
import { loadLanguageMeta } from '../languages/meta.ts';
import { translatorTexts } from '../languages/translatorTexts.ts';

/** GET/PUT /api/settings, GET /api/languages and PUT /api/languages/:code/review; coordinators only. */
export function settingsRoutes(app: FastifyInstance, ctx: ApiContext): void {
  restrictTo(app, ctx, ['coordinator']);
  const meta = loadLanguageMeta();
  // Coverage counts the strings of the version tablets give new clients now (it may change while the server runs).
  const textsNow = translatorTexts(ctx);

  route(app, 'GET /api/settings', () => loadSettings(ctx.db));

  route(app, 'PUT /api/settings', async (req, reply) => {
    // The tablet's own rules (restoreSettings), strictly: a value they would change is refused, not silently fixed.
    const problem = checkSettings(req.body);
    if (problem) return sendError(reply, 400, 'invalid_setting', problem.message);
    const now = ctx.clock();
    const by = principal(req);
    return ctx.db.transaction(async (tx) => {
      const before = await loadSettings(tx);
      const saved = await saveSettings(tx, req.body, now, by.userId);
      await audit(tx, req, now, 'settings_change', null, settingsChangeDetail(before, saved));
      return saved;
    });
  });

  route(app, 'GET /api/languages', async () =>
    languageReviews(ctx.db, meta, await textsNow(ctx.db)),
  );

  route(app, 'PUT /api/languages/:code/review', async (req, reply) => {
    const lang = meta.find((m) => m.code === req.params.code);
    if (!lang) return sendError(reply, 404, 'not_found', 'no such language');
    if (lang.status === 'source')
      return sendError(
        reply,
        409,
        'source_language',
        'the source language (Dutch) is not reviewed',
      );
    const status = req.body.status;
    const note = req.body.note ?? '';
    const now = ctx.clock();
    const by = principal(req);
    await ctx.db.transaction(async (tx) => {
      await saveLanguageReview(tx, { code: lang.code, status, note: note.trim() }, by.userId, now);
      await audit(tx, req, now, 'language_review', null, `${lang.code} marked ${status}`);
    });
    const all = await languageReviews(ctx.db, meta, await textsNow(ctx.db));
    return all.find((l) => l.code === lang.code);
  });
}
