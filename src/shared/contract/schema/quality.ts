/** Schema of `GET /api/quality`: the questionnaire-quality report (src/shared/core/itemQuality/report.ts). */
import { Type } from 'typebox';
import type { QualityReport as QualityReportType } from '../../core/itemQuality/report.ts';
import { Nullable } from './common.ts';

const Language = Nullable(
  Type.String({ description: 'language code; null: every measurement together' }),
);
const Figure = Nullable(Type.Number());
const Group = {
  language: Language,
  n: Type.Integer({ description: 'measurements the figure rests on' }),
  shown: Type.Boolean({ description: 'false below the agency minimum N: the figures are null' }),
};

const ScaleQuality = Type.Object({
  scale: Type.String(),
  kind: Type.String(),
  items: Type.Array(Type.String()),
  groups: Type.Array(
    Type.Object({
      ...Group,
      alpha: Figure,
      low: Nullable(Type.Number({ description: "Feldt's 95% interval, lower bound" })),
      high: Figure,
      itemTotal: Type.Array(Figure, { description: 'corrected item–total correlation per item' }),
    }),
  ),
});

const DifResult = Type.Object({
  language: Type.String(),
  nFocal: Type.Integer(),
  nReference: Type.Integer(),
  chi2: Type.Number({ description: "Mantel's χ² (1 df)" }),
  p: Type.Number(),
  pAdjusted: Type.Number({ description: 'Benjamini–Hochberg over every test of the report' }),
  smd: Type.Number({
    description: 'standardised mean difference, focal − reference, in answer points',
  }),
  effect: Type.Number({ description: 'SMD / SD of the item' }),
  flagged: Type.Boolean(),
});

const ItemQuality = Type.Object({
  item: Type.String(),
  scale: Type.String(),
  groups: Type.Array(
    Type.Object({
      ...Group,
      mean: Figure,
      distribution: Nullable(Type.Array(Type.Number(), { description: 'share per answer value' })),
    }),
  ),
  dif: Type.Array(DifResult),
});

/** The whole report. */
export const QualityReport = Type.Unsafe<QualityReportType>(
  Type.Object({
    instrumentId: Type.String(),
    instrumentVersion: Type.Integer(),
    minN: Type.Integer(),
    referenceLanguage: Type.String(),
    values: Type.Array(Type.Number()),
    total: Type.Integer(),
    mixed: Type.Integer({
      description: 'measurements in more than one language (only in the overall figures)',
    }),
    languages: Type.Array(Type.Object({ language: Type.String(), n: Type.Integer() })),
    scales: Type.Array(ScaleQuality),
    items: Type.Array(ItemQuality),
    desirability: Type.Array(
      Type.Object({
        scale: Type.String(),
        groups: Type.Array(Type.Object({ ...Group, r: Figure })),
      }),
    ),
    dif: Type.Object({
      tests: Type.Integer(),
      flagged: Type.Integer(),
      level: Type.Number(),
      effect: Type.Number(),
    }),
  }),
);
