// Issue 13 §1, the pure part of the translator workflow: which strings are plural, which keys a language needs,
// and what a translated text may not do (drop or add a placeholder, miss a plural form, balloon or shrink).
import { describe, expect, it } from 'vitest';
import {
  buildCatalog,
  keysFor,
  pluralCategories,
  sourceFor,
} from '../../src/shared/core/translation/catalog.ts';
import { checkText, checkTranslation, diffTexts } from '../../src/shared/core/translation/check.ts';
import instrumentJson from '../../src/shared/instruments/pilot-2019.v1.json';
import { parseInstrument } from '../../src/shared/core/instrument.ts';

const instrument = parseInstrument(instrumentJson);

const catalog = buildCatalog({
  kiosk: {
    welcome: { title: 'Welkom' },
    details: { gender_one: 'x', gender_other: 'Anders' }, // "gender_one" alone: still no plural without the pair
    review: { left_one: 'Nog {{count}} vraag.', left_other: 'Nog {{count}} vragen.' },
    consent: { text: '{{agency}} wil weten hoe u over de regels denkt.' },
  },
  summary: {},
  instrument,
});
const byId = (id: string) => catalog.find((s) => s.id === id)!;

describe('catalog', () => {
  it('groups _one/_other into one plural string, and gives items and answers their parts and notes', () => {
    expect(byId('kiosk:review.left').sourcePlural).toEqual({
      one: 'Nog {{count}} vraag.',
      other: 'Nog {{count}} vragen.',
    });
    expect(keysFor(byId('kiosk:review.left'), 'pl')).toEqual([
      'kiosk:review.left_few',
      'kiosk:review.left_many',
      'kiosk:review.left_one',
      'kiosk:review.left_other',
    ]);
    expect(sourceFor(byId('kiosk:review.left'), 'kiosk:review.left_few')).toBe(
      'Nog {{count}} vragen.',
    );
    const item = byId('instrument.pilot-2019.v1:items.A1');
    expect(item.part).toBe('items');
    expect(item.note).toContain(
      'A statement to agree or disagree with; keep the meaning, not the words.',
    );
    expect(byId('instrument.pilot-2019.v1:answers.3').part).toBe('answers');
    expect(catalog.some((s) => s.id.includes(':advice.'))).toBe(false); // staff-facing
    expect(byId('kiosk:consent.text').note).toContain('{{agency}} is the name of the agency');
  });

  it('lists plural categories the way i18next picks them, other last', () => {
    expect(pluralCategories('ar')).toEqual(['few', 'many', 'one', 'two', 'zero', 'other']);
    expect(pluralCategories('tr')).toEqual(['one', 'other']);
  });
});

describe('checks', () => {
  it('refuses a dropped, added or renamed placeholder, and a text far longer or shorter than the Dutch', () => {
    const src = '{{agency}} wil weten hoe u over de regels denkt.';
    expect(checkText('k', src, '{{agency}} wants to know what you think of the rules.')).toEqual(
      [],
    );
    expect(checkText('k', src, 'The agency wants to know.')[0]).toMatch(/placeholders differ/);
    expect(checkText('k', src, '{{agencyName}} wants to know.')[0]).toMatch(/placeholders differ/);
    expect(checkText('k', 'Welkom', 'W'.repeat(100))[0]).toMatch(/too long/);
    expect(
      checkText('k', 'Het is goed om je aan de regels van de uitkering te houden.', 'Good.')[0],
    ).toMatch(/too short/);
    expect(checkText('k', 'Welkom', ' ')).toEqual(['k: no translation']);
    // "one" may say the number in words; "other" may not drop it.
    expect(checkText('k_one', 'Nog {{count}} vraag.', 'One question left.', 'one')).toEqual([]);
    expect(checkText('k_other', 'Nog {{count}} vragen.', 'Questions left.', 'other')[0]).toMatch(
      /placeholders differ/,
    );
  });

  it('names every missing key, missing plural form and unknown key', () => {
    const texts: Record<string, string> = {};
    for (const s of catalog) for (const k of keysFor(s, 'uk')) texts[k] = sourceFor(s, k);
    expect(checkTranslation(catalog, 'uk', texts)).toEqual([]);
    delete texts['kiosk:review.left_few'];
    delete texts['kiosk:welcome.title'];
    texts['kiosk:welcome.subtitle'] = 'x';
    expect(checkTranslation(catalog, 'uk', texts)).toEqual([
      'kiosk:welcome.title: missing',
      'kiosk:review.left_few: plural form "few" missing',
      'kiosk:welcome.subtitle: unknown key (not in the Dutch texts)',
    ]);
  });

  it('diffs two versions key by key', () => {
    expect(
      diffTexts(
        catalog,
        'en',
        { 'kiosk:welcome.title': 'Welcome' },
        { 'kiosk:welcome.title': 'Hello' },
      ).filter((c) => c.key === 'kiosk:welcome.title'),
    ).toEqual([
      {
        key: 'kiosk:welcome.title',
        stringId: 'kiosk:welcome.title',
        before: 'Welcome',
        after: 'Hello',
      },
    ]);
  });
});
