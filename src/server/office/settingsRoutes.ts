/** Agency settings and language review, for coordinators. */
import type { FastifyInstance } from 'fastify';
import { WS_API } from '../../shared/contract/workspaceApi.ts';
import type { ApiContext } from '../api.ts';
import { writeAudit } from '../auth/audit.ts';
import { principal, requireRole } from '../auth/guard.ts';
import { asObject } from '../bodies.ts';
import { sendError } from '../errors.ts';
import { loadSettings, saveSettings } from '../settingsStore.ts';
import { checkSettings } from '../../shared/core/settings.ts';
import { settingsChangeDetail } from './settingsAudit.ts';
import { languageReviews, loadLanguageMeta, saveLanguageReview } from './languages.ts';

/** Registers GET/PUT /api/settings, GET /api/languages and PUT /api/languages/:code/review. */
export function registerSettingsRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const coordinator = requireRole(ctx, ['coordinator']);
  const meta = loadLanguageMeta();

  app.get(WS_API.settings, { onRequest: coordinator }, () => loadSettings(ctx.db));

  app.put(WS_API.settings, { onRequest: coordinator, bodyLimit: 64 * 1024 }, async (req, reply) => {
    if (!asObject(req.body))
      return sendError(reply, 400, 'bad_request', 'body must be the AgencySettings object');
    // The tablet's own rules (restoreSettings), strictly: a value they would change is refused, not silently fixed.
    const problem = checkSettings(req.body);
    if (problem) return sendError(reply, 400, 'invalid_setting', problem.message);
    const now = ctx.clock();
    const by = principal(req);
    return ctx.db.transaction(async (tx) => {
      const before = await loadSettings(tx);
      const saved = await saveSettings(tx, req.body, now, by.userId);
      await writeAudit(tx, {
        at: now,
        actorId: by.userId,
        actorName: by.name,
        action: 'settings_change',
        clientId: null,
        detail: settingsChangeDetail(before, saved),
      });
      return saved;
    });
  });

  app.get(WS_API.languages, { onRequest: coordinator }, () => languageReviews(ctx.db, meta));

  app.put<{ Params: { code: string } }>(
    WS_API.languageReview,
    { onRequest: coordinator, bodyLimit: 8192 },
    async (req, reply) => {
      const lang = meta.find((m) => m.code === req.params.code);
      if (!lang) return sendError(reply, 404, 'not_found', 'no such language');
      if (lang.status === 'source')
        return sendError(
          reply,
          409,
          'source_language',
          'the source language (Dutch) is not reviewed',
        );
      const o = asObject(req.body);
      const status = o?.status;
      const note = o?.note ?? '';
      if (
        (status !== 'checked' && status !== 'draft') ||
        typeof note !== 'string' ||
        note.length > 1000
      )
        return sendError(
          reply,
          400,
          'bad_request',
          'body must be {"status": "checked"|"draft", "note": "<at most 1000 characters>"}',
        );
      const now = ctx.clock();
      const by = principal(req);
      await ctx.db.transaction(async (tx) => {
        await saveLanguageReview(
          tx,
          { code: lang.code, status, note: note.trim() },
          by.userId,
          now,
        );
        await writeAudit(tx, {
          at: now,
          actorId: by.userId,
          actorName: by.name,
          action: 'language_review',
          clientId: null,
          detail: `${lang.code} marked ${status}`,
        });
      });
      const all = await languageReviews(ctx.db, meta);
      return all.find((l) => l.code === lang.code);
    },
  );
}
