// The SPSS syntax and R script beside the CSV: every column of the codebook is read with its label, and every coded
// column gets exactly the codebook's value labels. Checked on the structure of the generated text (no SPSS or R here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncResponse } from '../../src/shared/contract/protocol.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { DB_KIND, fixture, makeRecord, type Fixture } from './helpers.ts';
import { signedIn, ws } from './workspaceHelpers.ts';
import { parseCsv } from './csv.ts';

let f: Fixture;
let coord: string;
beforeAll(async () => {
  f = await fixture();
  coord = (await signedIn(f.app, f.db, 'coordinator')).cookie;
  const sent = await f.sync({
    sessions: [await sealRecord(makeRecord({ languagesUsed: ['ar', 'nl'] }), f.tablet.serverKey)],
  });
  expect((sent.json as SyncResponse).rejected).toEqual([]);
});
afterAll(() => f.close());

/** The codebook: name → [label, value labels as [code, label][]]. */
async function codebook(): Promise<Map<string, { label: string; codes: [string, string][] }>> {
  const [head, ...lines] = parseCsv(
    (await ws(f.app, 'GET', '/api/export/codebook.csv', { cookie: coord })).body,
  );
  expect(head).toEqual(['column', 'meaning', 'type', 'values', 'value_labels']);
  return new Map(
    lines.map(([name, meaning, , , labels]) => [
      name!,
      {
        label: meaning!,
        codes: labels
          ? labels.split('; ').map((pair) => {
              const at = pair.indexOf(' = ');
              return [pair.slice(0, at), pair.slice(at + 3)] as [string, string];
            })
          : [],
      },
    ]),
  );
}

/** SPSS literals joined by + ('it''s' + ' ok') into one string; the rest of the text after them. */
function spssLiteral(text: string): [string, string] {
  let rest = text.trimStart();
  let out = '';
  for (;;) {
    const m = /^'((?:[^']|'')*)'/.exec(rest);
    if (!m) throw new Error(`no literal at ${rest.slice(0, 30)}`);
    out += m[1]!.replace(/''/g, "'");
    rest = rest.slice(m[0].length).trimStart();
    if (!rest.startsWith('+')) return [out, rest];
    rest = rest.slice(1).trimStart();
  }
}

/** The body of one SPSS command (from its keyword to the full stop that ends the command). */
const command = (sps: string, keyword: string): string => {
  const start = sps.indexOf(`\r\n${keyword}`);
  expect(start, keyword).toBeGreaterThan(-1);
  const end = sps.indexOf('\r\n.\r\n', start);
  return sps.slice(start + keyword.length + 2, end);
};

const R_STRING = /"((?:[^"\\]|\\.)*)"/g;
/** An R string literal's value (the generator writes non-ASCII as \u{…}). */
const rValue = (body: string): string =>
  body.replace(/\\u\{([0-9a-f]+)\}|\\(.)/g, (_, hex: string | undefined, ch: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : ch === 'n' ? '\n' : ch,
  );

describe(`export syntax (${DB_KIND})`, () => {
  it('the SPSS syntax reads every column with its label and every coded column with the codebook value labels', async () => {
    const book = await codebook();
    const res = await ws(f.app, 'GET', '/api/export/measurements.sps', { cookie: coord });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('measurements.sps');
    const sps = res.body;
    expect(sps).toContain("/FILE='measurements.csv'");
    expect(sps).toContain("/ENCODING='UTF8'");
    expect(sps).toContain('/FIRSTCASE=2');

    // GET DATA /VARIABLES: every column of the CSV, in the CSV's order, each with a format.
    const csvHeader = parseCsv(
      (await ws(f.app, 'GET', '/api/export/measurements.csv', { cookie: coord })).body,
    )[0]!;
    const variables = command(sps, '  /VARIABLES=')
      .trim()
      .split(/\s*\r\n\s*/)
      .map((l) => l.split(' '));
    expect(variables.map(([name]) => name)).toEqual(csvHeader);
    expect(variables.map(([name]) => name)).toEqual([...book.keys()]);
    for (const [name, format] of variables) expect(format, name).toMatch(/^(A\d+|F\d+\.\d)$/);

    // VARIABLE LABELS: every column, the codebook's meaning.
    let labels = command(sps, 'VARIABLE LABELS');
    const labelled = new Map<string, string>();
    while (labels.trim() !== '') {
      const m = /^\s*\/?\s*([A-Za-z]\w*)\s+/.exec(labels)!;
      const [label, rest] = spssLiteral(labels.slice(m[0].length));
      labelled.set(m[1]!, label);
      labels = rest;
    }
    expect([...labelled.keys()]).toEqual([...book.keys()]);
    for (const [name, entry] of book) expect(labelled.get(name), name).toBe(entry.label);

    // VALUE LABELS: exactly the coded columns, each with the codebook's codes and labels.
    let values = command(sps, 'VALUE LABELS');
    const valueLabels = new Map<string, [string, string][]>();
    while (values.trim() !== '') {
      const m = /^\s*\/?\s*([A-Za-z]\w*)\s+/.exec(values)!;
      values = values.slice(m[0].length);
      const pairs: [string, string][] = [];
      for (;;) {
        values = values.trimStart();
        let code: string;
        const number = /^-?\d+(\.\d+)?/.exec(values);
        if (number) {
          code = number[0];
          values = values.slice(code.length);
        } else if (values.startsWith("'")) [code, values] = spssLiteral(values);
        else break;
        const [label, rest] = spssLiteral(values);
        pairs.push([code, label]);
        values = rest;
      }
      valueLabels.set(m[1]!, pairs);
    }
    const coded = [...book].filter(([, e]) => e.codes.length > 0);
    expect(coded.map(([n]) => n)).toEqual(expect.arrayContaining(['gender', 'age_band']));
    expect(coded.map(([n]) => n)).toEqual(expect.arrayContaining(['language', 'judgement_fit']));
    expect([...valueLabels.keys()]).toEqual(coded.map(([n]) => n));
    for (const [name, entry] of coded) expect(valueLabels.get(name), name).toEqual(entry.codes);
    // Every item column is coded with the answer scale.
    for (const name of book.keys())
      if (name.startsWith('item_')) expect(book.get(name)!.codes, name).toHaveLength(5);

    // MISSING VALUES: the coded text columns, blank.
    expect(sps).toMatch(/\r\nMISSING VALUES [\w ]*\bgender\b[\w ]* \(''\)\.\r\n/);
  });

  it('the R script reads every column with its class and label, coded columns with the codebook labels', async () => {
    const book = await codebook();
    const res = await ws(f.app, 'GET', '/api/export/measurements.R', { cookie: coord });
    expect(res.statusCode).toBe(200);
    const r = res.body;
    expect(r).toContain('read.csv("measurements.csv", fileEncoding = "UTF-8", na.strings = ""');
    // ASCII only: the script reads the same in any R locale.
    expect(r).toMatch(/^[\x20-\x7e\n]*$/);

    const classes = /colClasses = c\(([\s\S]*?)\)\)/.exec(r)![1]!;
    expect([...classes.matchAll(/^\s*(\w+) = "(\w+)"/gm)].map((m) => m[1])).toEqual([
      ...book.keys(),
    ]);
    const varLabels = /variable_labels <- c\(([\s\S]*?)\n\)/.exec(r)![1]!;
    const named = new Map(
      [...varLabels.matchAll(/^\s*(\w+) = "((?:[^"\\]|\\.)*)"/gm)].map((m) => [
        m[1]!,
        rValue(m[2]!),
      ]),
    );
    expect([...named.keys()]).toEqual([...book.keys()]);
    for (const [name, entry] of book) expect(named.get(name), name).toBe(entry.label);

    for (const [name, entry] of book) {
      if (entry.codes.length === 0) {
        expect(r).not.toContain(`measurements$${name} <-`);
        continue;
      }
      const factor = new RegExp(
        `measurements\\$${name} <- factor\\(measurements\\$${name},\\n  levels = c\\((.*)\\),\\n  labels = c\\((.*)\\)\\)`,
      ).exec(r);
      if (factor) {
        const levels = [...factor[1]!.matchAll(R_STRING)].map((m) => rValue(m[1]!));
        const flabels = [...factor[2]!.matchAll(R_STRING)].map((m) => rValue(m[1]!));
        expect(
          levels.map((l, i) => [l, flabels[i]]),
          name,
        ).toEqual(entry.codes);
        continue;
      }
      const attr = new RegExp(
        `attr\\(measurements\\$${name}, "labels"\\) <- c\\(([\\s\\S]*?)\\n\\)`,
      ).exec(r);
      expect(attr, name).not.toBeNull();
      const pairs = [...attr![1]!.matchAll(/"((?:[^"\\]|\\.)*)" = (-?\d+)L/g)].map((m) => [
        m[2],
        rValue(m[1]!),
      ]);
      expect(pairs, name).toEqual(entry.codes);
    }
  });
});
