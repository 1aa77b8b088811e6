/** The translator workflow for coordinators: XLIFF export and import (preview, then apply), review per string. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  keysFor,
  formOf,
  sourceFor,
  type CatalogString,
} from '../../shared/core/translation/catalog.ts';
import type { ApiContext } from '../api.ts';
import { writeAudit } from '../auth/audit.ts';
import { principal, restrictTo } from '../auth/guard.ts';
import { sendError } from '../errors.ts';
import { loadBundledTexts } from '../languages/bundled.ts';
import { checkImport, isRefusal, type ImportRefusal } from '../languages/importXliff.ts';
import {
  currentTexts,
  insertVersion,
  setStringStatus,
  stringReviews,
} from '../languages/versionStore.ts';
import { writeXliff } from '../languages/xliffWrite.ts';
import { route } from '../routing.ts';
import { loadLanguageMeta, type LanguageMeta } from '../languages/meta.ts';

const refuse = (reply: FastifyReply, r: ImportRefusal) =>
  reply.code(r.status).type('application/json; charset=utf-8').send({
    error: r.error,
    message: r.message,
    problems: r.problems,
  });

/** The texts tablets are given: those of the newest instrument (the one every tablet answers). */
export function tabletInstrument(ctx: ApiContext) {
  const i = ctx.instruments.current[0];
  if (!i) throw new Error('no instrument');
  return i;
}

/** Routes under /api/languages/:code/…; coordinators only. */
export function translationRoutes(app: FastifyInstance, ctx: ApiContext): void {
  restrictTo(app, ctx, ['coordinator']);
  const meta = loadLanguageMeta();
  const bundled = loadBundledTexts(tabletInstrument(ctx));
  const catalog: readonly CatalogString[] = bundled.catalog;
  const part = new Map(catalog.map((s) => [s.id, s]));

  /** The translated (non-source) language of the path, or a 404/409 already sent. */
  const language = async (code: string, reply: FastifyReply): Promise<LanguageMeta | null> => {
    const lang = meta.find((m) => m.code === code);
    if (!lang) {
      await sendError(reply, 404, 'not_found', 'no such language');
      return null;
    }
    if (lang.status === 'source') {
      await sendError(
        reply,
        409,
        'source_language',
        'Dutch is the source language; it is not translated',
      );
      return null;
    }
    return lang;
  };

  route(app, 'GET /api/languages/:code/xliff', async (req, reply) => {
    const lang = await language(req.params.code, reply);
    if (!lang) return reply;
    const [now, reviews] = await Promise.all([
      currentTexts(ctx.db, lang.code, bundled.texts(lang.code)),
      stringReviews(ctx.db, lang.code),
    ]);
    const xml = writeXliff(
      catalog,
      lang.code,
      now.texts,
      (id) => reviews.get(id)?.status ?? 'draft',
      now.version,
    );
    return reply
      .type('application/xliff+xml; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="slimme-intake-${lang.code}-v${now.version}.xlf"`,
      )
      .send(xml);
  });

  route(app, 'POST /api/languages/:code/import/preview', async (req, reply) => {
    const lang = await language(req.params.code, reply);
    if (!lang) return reply;
    const now = await currentTexts(ctx.db, lang.code, bundled.texts(lang.code));
    const checked = checkImport(catalog, lang.code, req.body.xliff, now.texts);
    if (isRefusal(checked)) return refuse(reply, checked);
    return {
      code: lang.code,
      baseVersion: now.version,
      changes: checked.changes.map((c) => {
        const s = part.get(c.stringId);
        return {
          ...c,
          part: s?.part ?? 'kiosk',
          source: s ? sourceFor(s, c.key) : '',
        };
      }),
      unchanged:
        catalog.reduce((n, s) => n + keysFor(s, lang.code).length, 0) - checked.changes.length,
    };
  });

  route(app, 'POST /api/languages/:code/import', async (req, reply) => {
    const lang = await language(req.params.code, reply);
    if (!lang) return reply;
    const by = principal(req);
    const at = ctx.clock();
    const result = await ctx.db.transaction(async (tx) => {
      const now = await currentTexts(tx, lang.code, bundled.texts(lang.code));
      if (now.version !== req.body.baseVersion) return 'conflict' as const;
      const checked = checkImport(catalog, lang.code, req.body.xliff, now.texts);
      if (isRefusal(checked)) return checked;
      const version = await insertVersion(tx, {
        code: lang.code,
        base: now.version,
        texts: checked.texts,
        changed: checked.changes.length,
        by: by.userId,
        now: at,
      });
      if (version === null) return 'conflict' as const;
      const changedStrings = [...new Set(checked.changes.map((c) => c.stringId))];
      await setStringStatus(tx, lang.code, changedStrings, 'draft', by.userId, at);
      await writeAudit(tx, {
        at,
        actorId: by.userId,
        actorName: by.name,
        action: 'language_import',
        clientId: null,
        detail: `${lang.code} version ${version} imported from XLIFF: ${checked.changes.length} texts changed (${changedStrings.length} strings back to draft)`,
      });
      return { code: lang.code, version, changed: checked.changes.length };
    });
    if (result === 'conflict')
      return sendError(
        reply,
        409,
        'version_conflict',
        'the language changed since the preview (another import); check the file again',
      );
    if (isRefusalResult(result)) return refuse(reply, result);
    ctx.onTextsChanged?.();
    return reply.code(201).send(result);
  });

  route(app, 'GET /api/languages/:code/strings', async (req, reply) => {
    const lang = await language(req.params.code, reply);
    if (!lang) return reply;
    const [now, reviews] = await Promise.all([
      currentTexts(ctx.db, lang.code, bundled.texts(lang.code)),
      stringReviews(ctx.db, lang.code),
    ]);
    return {
      code: lang.code,
      name: lang.name,
      dir: lang.dir,
      version: now.version,
      strings: catalog.map((s) => {
        const r = reviews.get(s.id);
        return {
          id: s.id,
          part: s.part,
          location: s.location,
          note: s.note,
          forms: keysFor(s, lang.code).map((key) => ({
            key,
            category: formOf(s, key),
            source: sourceFor(s, key),
            target: now.texts[key] ?? null,
          })),
          status: r?.status ?? 'draft',
          reviewedBy: r?.by ?? null,
          reviewedAt: r?.at ?? null,
        };
      }),
    };
  });

  route(app, 'PUT /api/languages/:code/strings/review', async (req, reply) => {
    const lang = await language(req.params.code, reply);
    if (!lang) return reply;
    const unknown = req.body.ids.filter((id) => !part.has(id));
    if (unknown.length > 0)
      return sendError(
        reply,
        400,
        'unknown_string',
        `unknown string ids: ${unknown.slice(0, 10).join(', ')}`,
      );
    const by = principal(req);
    const at = ctx.clock();
    const ids = [...new Set(req.body.ids)];
    await ctx.db.transaction(async (tx) => {
      await setStringStatus(tx, lang.code, ids, req.body.status, by.userId, at);
      await writeAudit(tx, {
        at,
        actorId: by.userId,
        actorName: by.name,
        action: 'string_review',
        clientId: null,
        detail: `${lang.code}: ${ids.length} string${ids.length === 1 ? '' : 's'} marked ${req.body.status} (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`,
      });
    });
    return reply.code(204).send();
  });
}

const isRefusalResult = (r: object): r is ImportRefusal => 'error' in r;
