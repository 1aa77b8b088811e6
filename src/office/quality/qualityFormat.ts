/** Number formats and column headings the questionnaire-quality tables share. */
import type { Instrument } from '../../shared/core/instrument.ts';
import type { QualityReport } from '../../shared/core/itemQuality/report.ts';
import { languageName, perStaffLanguage } from '../../shared/ui/format.ts';

/** Correlations and α, from the shared staff formats. */
export { twoDecimals } from '../../shared/ui/format.ts';

/** A p-value with its relation: "= 0,012", or "< 0,001" below that (decimal mark in the staff language). */
export const pValue = (p: number): string =>
  p < 0.001 ? `< ${pDigits.format(0.001)}` : `= ${pDigits.format(p)}`;

const pDigits = perStaffLanguage<number, Intl.NumberFormat>(
  (locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }),
);

/** One column per group: every measurement first, then each language (Dutch first, then by size). */
export interface GroupColumn {
  readonly language: string | null;
  readonly label: string;
}

/** Props of each quality table: the report, its columns and the instrument (for labels and item texts). */
export interface QualityTableProps {
  readonly report: QualityReport;
  readonly columns: readonly GroupColumn[];
  readonly instrument: Instrument;
}

/** The columns of a report, labelled in the screen's language `ui`. */
export function groupColumns(report: QualityReport, all: string, ui: string): GroupColumn[] {
  return [
    { language: null, label: all },
    ...report.languages.map((l) => ({ language: l.language, label: languageName(l.language, ui) })),
  ];
}

/** The group of `rows` for a column (every report row has one per column). */
export const groupOf = <G extends { language: string | null }>(
  groups: readonly G[],
  column: GroupColumn,
): G | undefined => groups.find((g) => g.language === column.language);
