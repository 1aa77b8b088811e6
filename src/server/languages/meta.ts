/** Each language as locales/<code>/meta.json describes it: name, direction and the build's review status. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LanguageReview } from '../../shared/contract/workspaceApi.ts';

const DIR = join(import.meta.dirname, '../../../locales');

/** A language as meta.json describes it. */
export interface LanguageMeta {
  readonly code: string;
  readonly name: string;
  readonly status: LanguageReview['status'];
  readonly note: string;
  readonly dir: 'ltr' | 'rtl';
}

/** Reads every locales/<code>/meta.json; a folder without one is not a language. */
export function loadLanguageMeta(dir: string = DIR): LanguageMeta[] {
  return readdirSync(dir)
    .filter((code) => existsSync(join(dir, code, 'meta.json')))
    .sort()
    .map((code) => {
      const m = JSON.parse(readFileSync(join(dir, code, 'meta.json'), 'utf8')) as {
        name?: unknown;
        dir?: unknown;
        review?: { status?: unknown; note?: unknown };
      };
      const status = m.review?.status;
      return {
        code,
        name: typeof m.name === 'string' ? m.name : code,
        status: status === 'source' || status === 'checked' ? status : 'draft',
        note: typeof m.review?.note === 'string' ? m.review.note : '',
        dir: m.dir === 'rtl' ? 'rtl' : 'ltr',
      };
    });
}
