/** Schemas of Beheer → Vragenlijst: loading a revised questionnaire as a new version, and the list of versions. */
import { Type } from 'typebox';
import type { Instrument } from '../../core/instrument.ts';
import { IsoTime, LanguageCode, Nullable, Text } from './common.ts';

/** A revised instrument JSON (checked by the server, not by the schema) and its texts per client language. */
export const VersionUpload = Type.Object({
  instrument: Type.Unknown({
    description: 'The instrument JSON, format of src/shared/instruments/*.json',
  }),
  translations: Type.Record(
    LanguageCode(),
    Type.Record(Type.String({ maxLength: 200 }), Text({ maxLength: 4000 })),
    {
      description:
        'Per language code: instrument text key → text (locales/<code>/instrument.*.json)',
    },
  ),
});

/** One problem that stops a version from being stored; `code` is translated in the workspace. */
export const VersionProblem = Type.Object({
  code: Type.String(),
  where: Type.String(),
  detail: Type.Optional(Type.String()),
});

const ItemSide = Type.Object({ text: Type.String(), scale: Type.String(), part: Type.String() });
const ItemChange = Type.Object({
  id: Type.String(),
  before: Type.Optional(ItemSide),
  after: Type.Optional(ItemSide),
});
const ScaleChange = Type.Object({
  id: Type.String(),
  label: Type.String(),
  fields: Type.Array(Type.String()),
});
const Changes = <T extends typeof ItemChange | typeof ScaleChange>(t: T) =>
  Type.Object({ added: Type.Array(t), removed: Type.Array(t), changed: Type.Array(t) });

/** What storing the upload would change against the current version. */
export const VersionPreview = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  baseVersion: Type.Integer(),
  items: Changes(ItemChange),
  scales: Changes(ScaleChange),
  shared: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
});

/** The instrument itself (src/shared/core/instrument.ts), checked by the server when it was stored. */
const Definition = Type.Unsafe<Instrument>(Type.Object({}, { additionalProperties: true }));

/**
 * One questionnaire version as the workspace labels it: its definition (items, scales, Dutch wording) and its texts in
 * the workspace's other screen languages (code → instrument text key → text; a key missing falls back to Dutch).
 */
export const InstrumentVersionTexts = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  definition: Definition,
  texts: Type.Record(LanguageCode(), Type.Record(Type.String(), Type.String())),
});

/** One known version with how many measurements were answered in it. */
export const VersionSummary = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  items: Type.Integer(),
  scales: Type.Array(Type.String()),
  /** 'file': shipped with the app; 'upload': loaded by a coordinator. */
  origin: Type.Union([Type.Literal('file'), Type.Literal('upload')]),
  createdAt: Nullable(IsoTime()),
  createdBy: Nullable(Type.String()),
  measurements: Type.Integer(),
  /** The version tablets start new clients on. */
  current: Type.Boolean(),
  /** The instrument itself (src/shared/core/instrument.ts), so pages label a version's own items and scales. */
  definition: Definition,
  /** Its texts in the workspace's other screen languages, as InstrumentVersionTexts has them. */
  texts: Type.Record(LanguageCode(), Type.Record(Type.String(), Type.String())),
});

/** `:version` of `POST /api/instrument-versions/:version/current`. */
export const VersionParams = Type.Object(
  { version: Type.String({ pattern: '^[1-9][0-9]{0,5}$' }) },
  { additionalProperties: false },
);

/** The answer to storing a version (or making one current). */
export const VersionStored = Type.Object({ id: Type.String(), version: Type.Integer() });
