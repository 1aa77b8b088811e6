/**
 * What the translator workflow works on (Talen page, XLIFF export and import, review, coverage): the catalog and the
 * bundled texts of the questionnaire version tablets give new clients now. Read per request, not at server start: a
 * coordinator may store or choose another version meanwhile, here or through another instance on the same database.
 */
import { instrumentKey } from '../../shared/core/instrument.ts';
import type { ApiContext } from '../api.ts';
import type { Queryable } from '../db.ts';
import { loadBundledTexts, type BundledTexts } from './bundled.ts';

/** A function giving the texts of the current version; each version's are built once per process. */
export function translatorTexts(ctx: ApiContext): (db: Queryable) => Promise<BundledTexts> {
  const built = new Map<string, BundledTexts>();
  return async (db) => {
    await ctx.instruments.refresh(db); // a version stored or made current through another instance
    const instrument = ctx.instruments.current[0];
    if (!instrument) throw new Error('no instrument');
    const key = instrumentKey(instrument);
    let texts = built.get(key);
    if (!texts) {
      texts = loadBundledTexts(
        instrument,
        undefined,
        ctx.instruments.translations(instrument.id, instrument.version),
      );
      built.set(key, texts);
    }
    return texts;
  };
}
