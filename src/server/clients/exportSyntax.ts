/**
 * SPSS syntax and an R script that read measurements.csv with every variable label and value label, as KoboToolbox
 * and ODK users expect labelled data. Both are generated from the export's columns (exportColumns.ts), the same list
 * the CSV and the codebook come from.
 */
import type { ExportColumn } from './exportColumns.ts';

/** The file name both scripts read (the name the CSV download gets). */
export const EXPORT_CSV_NAME = 'measurements.csv';

/** Cuts text to at most `max` UTF-8 bytes without splitting a character (SPSS counts labels in bytes). */
export function cutBytes(s: string, max: number): string {
  let out = '';
  let n = 0;
  for (const ch of s) {
    const b = Buffer.byteLength(ch);
    if (n + b > max) break;
    out += ch;
    n += b;
  }
  return out;
}

/** An SPSS string literal, split into pieces joined by + so no syntax line gets long. */
export function spssString(s: string): string {
  const flat = s.replace(/[\r\n]+/g, ' ');
  const pieces: string[] = [];
  const chars = [...flat];
  for (let i = 0; i < chars.length || pieces.length === 0; i += 60)
    pieces.push(
      `'${chars
        .slice(i, i + 60)
        .join('')
        .replace(/'/g, "''")}'`,
    );
  return pieces.join(' +\n    ');
}

const spssFormat = (c: ExportColumn): string => {
  switch (c.type) {
    case 'text':
      return `A${c.width ?? 255}`;
    case 'datetime':
      return 'A24';
    case 'integer':
      return 'F8.0';
    case 'decimal':
      return 'F8.2';
  }
};

const spssValue = (c: ExportColumn, code: string | number): string =>
  c.type === 'integer' || c.type === 'decimal' ? String(code) : spssString(String(code));

/** The .sps file: GET DATA for the CSV, VARIABLE LABELS, VALUE LABELS and MISSING VALUES for every coded column. */
export function spssSyntax(columns: readonly ExportColumn[]): string {
  const coded = columns.filter((c) => c.codes && c.codes.length > 0);
  const blankMissing = coded.filter((c) => c.type === 'text');
  const lines = [
    '* Reads the slimme-intake research export with its labels (generated with codebook.csv).',
    `* Save this file next to ${EXPORT_CSV_NAME}, or put the full path after /FILE=.`,
    '* Empty numeric cells are system-missing; an empty text cell of a coded column is declared missing below.',
    '',
    'GET DATA',
    '  /TYPE=TXT',
    `  /FILE='${EXPORT_CSV_NAME}'`,
    "  /ENCODING='UTF8'",
    '  /ARRANGEMENT=DELIMITED',
    '  /DELCASE=LINE',
    '  /FIRSTCASE=2',
    '  /DELIMITERS=","',
    `  /QUALIFIER='"'`,
    '  /VARIABLES=',
    ...columns.map((c) => `    ${c.name} ${spssFormat(c)}`),
    '.',
    '',
    'VARIABLE LABELS',
    columns.map((c) => `  ${c.name} ${spssString(cutBytes(c.label, 250))}`).join('\n  /'),
    '.',
    '',
    'VALUE LABELS',
    coded
      .map(
        (c) =>
          `  ${c.name}\n` +
          (c.codes ?? [])
            .map(([code, label]) => `    ${spssValue(c, code)} ${spssString(cutBytes(label, 120))}`)
            .join('\n'),
      )
      .join('\n  /'),
    '.',
    '',
    ...(blankMissing.length > 0
      ? [`MISSING VALUES ${blankMissing.map((c) => c.name).join(' ')} ('').`, '']
      : []),
    'EXECUTE.',
    '',
  ];
  return lines.join('\n').replace(/\n/g, '\r\n');
}

/** An R string literal in ASCII (non-ASCII as \u{…}), so the script reads the same in any locale. */
export function rString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp > 0x7e) out += `\\u{${cp.toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}

const rClass = (c: ExportColumn): string =>
  c.type === 'integer' ? 'integer' : c.type === 'decimal' ? 'numeric' : 'character';

const rVector = (xs: readonly string[]): string => `c(${xs.join(', ')})`;

/**
 * The .R file: read.csv with a class per column; coded text columns become factors with their labels; coded numbers
 * stay numbers (means still work) with a `labels` attribute (named codes, as haven and labelled read it); every
 * column gets its `label` attribute.
 */
export function rScript(columns: readonly ExportColumn[]): string {
  const pairs = (xs: readonly string[]) => `\n  ${xs.join(',\n  ')}\n`;
  const lines = [
    '# Reads the slimme-intake research export with its labels (generated with codebook.csv).',
    `# Save this file next to ${EXPORT_CSV_NAME} and run source("measurements.R") there; the data is in \`measurements\`.`,
    '',
    `measurements <- read.csv(${rString(EXPORT_CSV_NAME)}, fileEncoding = "UTF-8", na.strings = "",`,
    `  check.names = FALSE, stringsAsFactors = FALSE, colClasses = c(${pairs(
      columns.map((c) => `${c.name} = ${rString(rClass(c))}`),
    )}))`,
    '',
    '# Coded text columns: factors with the codebook labels.',
    ...columns
      .filter((c) => c.codes && c.codes.length > 0 && rClass(c) === 'character')
      .map(
        (c) =>
          `measurements$${c.name} <- factor(measurements$${c.name},\n  levels = ${rVector(
            (c.codes ?? []).map(([code]) => rString(String(code))),
          )},\n  labels = ${rVector((c.codes ?? []).map(([, label]) => rString(label)))})`,
      ),
    '',
    '# Coded numbers: the value labels as a named vector in the "labels" attribute.',
    ...columns
      .filter((c) => c.codes && c.codes.length > 0 && rClass(c) !== 'character')
      .map(
        (c) =>
          `attr(measurements$${c.name}, "labels") <- c(${pairs(
            (c.codes ?? []).map(([code, label]) => `${rString(label)} = ${String(code)}L`),
          )})`,
      ),
    '',
    '# Every column: its meaning in the "label" attribute.',
    `variable_labels <- c(${pairs(columns.map((c) => `${c.name} = ${rString(c.label)}`))})`,
    'for (name in names(variable_labels)) attr(measurements[[name]], "label") <- variable_labels[[name]]',
    '',
  ];
  return lines.join('\n');
}
