import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLocales } from '../../scripts/localeCheck.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const INSTRUMENT = {
  parts: [{ id: 'a', items: [{ id: 'a1' }] }],
  answerScale: [{ value: 1 }, { value: 2 }],
};
const instrumentTexts = {
  title: 'T',
  'parts.a.intro': 'I',
  'items.a1': 'Q',
  'answers.1': 'no',
  'answers.2': 'yes',
};
const meta = { code: 'x', dir: 'ltr', review: { status: 'draft', note: 'n' } };
let dir = '';

/** Writes a small locales tree: nl plus one language `xx` whose files the test chooses. */
function tree(xx: Record<string, unknown>) {
  dir = mkdtempSync(join(tmpdir(), 'locales-'));
  const write = (path: string, data: unknown) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(data));
  };
  write('instruments/pilot.v1.json', INSTRUMENT);
  write('locales/nl/meta.json', meta);
  write('locales/nl/kiosk.json', {
    welcome: { title: 'Welkom', intro: 'Hallo' },
    n_one: 'x',
    n_other: 'y',
  });
  write('locales/nl/staff.json', { home: 'Medewerker' });
  for (const [file, data] of Object.entries(xx)) write(`locales/xx/${file}`, data);
  return checkLocales({
    root: dir,
    locales: join(dir, 'locales'),
    instruments: join(dir, 'instruments'),
    sources: [join(dir, 'src')],
  });
}
const complete = {
  'meta.json': meta,
  'kiosk.json': {
    welcome: { title: 'Welcome', intro: 'Hello' },
    n_one: 'x',
    n_few: 'y',
    n_many: 'z',
  },
  'instrument.pilot.v1.json': instrumentTexts,
};

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('locale completeness check', () => {
  it('passes a locale that has every Dutch key (plural forms may differ), without staff texts', () => {
    expect(tree(complete)).toEqual([]);
  });

  it('fails when a locale lacks a nested Dutch key', () => {
    const problems = tree({
      ...complete,
      'kiosk.json': { welcome: { title: 'Welcome' }, n_other: 'y' },
    });
    expect(problems).toEqual(['xx/kiosk.json: missing welcome.intro']);
  });

  it('fails when meta.json gives no valid text direction', () => {
    expect(tree({ ...complete, 'meta.json': { ...meta, dir: 'right-to-left' } })).toEqual([
      'xx/meta.json: dir must be "ltr" or "rtl", not "right-to-left"',
    ]);
  });

  it('fails when a locale lacks a whole client namespace or meta.json', () => {
    expect(tree({ 'instrument.pilot.v1.json': instrumentTexts })).toEqual(
      expect.arrayContaining(['xx/kiosk.json: missing file', 'xx/meta.json: missing file']),
    );
  });

  it('fails when an instrument translation lacks an item or answer, or has it empty', () => {
    const problems = tree({
      ...complete,
      'instrument.pilot.v1.json': { ...instrumentTexts, 'items.a1': '', 'answers.2': undefined },
    });
    expect(problems).toEqual([
      'xx/instrument.pilot.v1.json: missing items.a1',
      'xx/instrument.pilot.v1.json: missing answers.2',
    ]);
  });

  it('fails when a component uses a key Dutch does not have', () => {
    tree(complete);
    mkdirSync(join(dir, 'src'));
    writeFileSync(
      join(dir, 'src/W.tsx'),
      "const t = useT();\nt('welcome.title'); t('welcome.gone');",
    );
    const problems = checkLocales({
      root: dir,
      locales: join(dir, 'locales'),
      instruments: join(dir, 'instruments'),
      sources: [join(dir, 'src')],
    });
    expect(problems).toEqual(['src/W.tsx: key welcome.gone not in nl/kiosk.json']);
  });

  it('requires English staff texts, and the real locales pass', () => {
    expect(tree({ ...complete, 'staff.json': { other: 'x' } })).toEqual([
      'xx/staff.json: missing home',
    ]);
    expect(
      checkLocales({
        root: ROOT,
        locales: join(ROOT, 'locales'),
        instruments: join(ROOT, 'src/shared/instruments'),
        sources: [join(ROOT, 'src/tablet'), join(ROOT, 'src/office'), join(ROOT, 'src/shared')],
      }),
    ).toEqual([]);
  });
});
