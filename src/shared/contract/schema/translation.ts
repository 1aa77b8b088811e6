/** Schemas of the translator workflow: XLIFF export/import, versions of a language, each string's review status. */
import { Type } from 'typebox';
import { IsoTime, Nullable, Text } from './common.ts';

const Part = Type.Union([
  Type.Literal('kiosk'),
  Type.Literal('items'),
  Type.Literal('answers'),
  Type.Literal('summary'),
]);
const Status = Type.Union([
  Type.Literal('draft'),
  Type.Literal('reviewed'),
  Type.Literal('approved'),
]);

/** How far one part of one language is: strings in all, translated, and per review status. */
export const PartCoverage = Type.Object({
  part: Part,
  total: Type.Integer(),
  translated: Type.Integer(),
  draft: Type.Integer(),
  reviewed: Type.Integer(),
  approved: Type.Integer(),
});

/** One text of a string: a plural string has one per plural form of the language. */
export const StringForm = Type.Object({
  key: Type.String(),
  category: Nullable(Type.String()),
  source: Type.String(),
  target: Nullable(Type.String()),
});

/** A string as the reviewer sees it: Dutch beside the language, where it appears, its review status. */
export const ReviewString = Type.Object({
  id: Type.String(),
  part: Part,
  location: Type.String(),
  note: Type.String(),
  forms: Type.Array(StringForm),
  status: Status,
  reviewedBy: Nullable(Type.String()),
  reviewedAt: Nullable(IsoTime()),
});

/** `GET /api/languages/:code/strings`. */
export const LanguageStrings = Type.Object({
  code: Type.String(),
  name: Type.String(),
  dir: Type.Union([Type.Literal('ltr'), Type.Literal('rtl')]),
  version: Type.Integer(),
  strings: Type.Array(ReviewString),
});

/** `PUT /api/languages/:code/strings/review`: the status for some strings. */
export const StringReviewUpdate = Type.Object(
  {
    ids: Type.Array(Text({ maxLength: 200 }), { minItems: 1, maxItems: 1000 }),
    status: Status,
  },
  { additionalProperties: false },
);

/** The XLIFF a translator sent back, as text. */
export const XliffUpload = Type.Object(
  { xliff: Text({ minLength: 1, maxLength: 2_000_000 }) },
  { additionalProperties: false },
);

/** Applying it: the version the coordinator saw the diff against. */
export const XliffApply = Type.Object(
  {
    xliff: Text({ minLength: 1, maxLength: 2_000_000 }),
    baseVersion: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

/** One text that an import changes. */
export const TextChange = Type.Object({
  key: Type.String(),
  stringId: Type.String(),
  part: Part,
  source: Type.String(),
  before: Nullable(Type.String()),
  after: Nullable(Type.String()),
});

/** What applying the upload would change, against `baseVersion`. */
export const ImportPreview = Type.Object({
  code: Type.String(),
  baseVersion: Type.Integer(),
  changes: Type.Array(TextChange),
  unchanged: Type.Integer(),
});

/** The version an import became. */
export const ImportResult = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  changed: Type.Integer(),
});
