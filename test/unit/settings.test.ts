// restoreSettings turns whatever was stored into complete, bounded settings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_LANGUAGES,
  changedSettings,
  checkSettings,
  DEFAULT_SETTINGS,
  restoreSettings,
  SETTING_BOUNDS,
  type AgencySettings,
} from '../../src/shared/core/settings.ts';
import { DEFAULT_SCORING } from '../../src/shared/core/scoring.ts';

/** Every numeric setting with its bounds, read from a restored value. */
const numbers = (s: AgencySettings): [keyof typeof SETTING_BOUNDS, number][] => [
  ['idleSeconds', s.idleSeconds],
  ['idleCountdownSeconds', s.idleCountdownSeconds],
  ['thanksSeconds', s.thanksSeconds],
  ['staffLockSeconds', s.staffLockSeconds],
  ['dominantThreshold', s.scoring.dominantThreshold],
  ['desirabilityCautionAbove', s.scoring.desirabilityCautionAbove],
];

describe('restoreSettings', () => {
  it('gives the pilot defaults for undefined', () => {
    expect(restoreSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.scoring).toEqual(DEFAULT_SCORING);
    expect(DEFAULT_SETTINGS.scoring.dominantThreshold).toBe(62);
    expect(DEFAULT_SETTINGS.agencyName).toBe('Werkplein Drentsche Aa');
  });

  it.each([null, 42, 'settings', true, [], [1, 2], () => 1, Symbol('x'), NaN])(
    'gives the defaults for garbage %s',
    (raw) => expect(restoreSettings(raw)).toEqual(DEFAULT_SETTINGS),
  );

  it('keeps what a partial object sets and fills in the rest', () => {
    const s = restoreSettings({
      agencyName: '  Gemeente Assen ',
      idleSeconds: 45,
      detailFields: { firstName: 'optional', dateOfBirth: 'off' },
      scoring: { dominantThreshold: 70 },
    });
    expect(s).toEqual({
      ...DEFAULT_SETTINGS,
      agencyName: 'Gemeente Assen',
      idleSeconds: 45,
      detailFields: { ...DEFAULT_SETTINGS.detailFields, firstName: 'optional', dateOfBirth: 'off' },
      scoring: { ...DEFAULT_SCORING, dominantThreshold: 70 },
    });
  });

  it('replaces wrong types and unknown values by the defaults', () => {
    const s = restoreSettings({
      agencyName: 12,
      consentText: { text: 'x' },
      detailFields: { gender: 'sometimes', firstName: null, lastName: 1 },
      scoring: 'strict',
      idleSeconds: '60',
      thanksSeconds: null,
      staffLockSeconds: NaN,
      idleCountdownSeconds: Infinity,
      previewRetention: 'forever',
      languages: 'en',
    });
    expect(s).toEqual(DEFAULT_SETTINGS);
  });

  it('clamps out-of-range numbers into their bounds', () => {
    const low = restoreSettings({
      idleSeconds: 1,
      idleCountdownSeconds: 5,
      thanksSeconds: 0,
      staffLockSeconds: -10,
      scoring: { dominantThreshold: -5, desirabilityCautionAbove: 0 },
    });
    expect(numbers(low)).toEqual([
      ['idleSeconds', 20],
      ['idleCountdownSeconds', 20],
      ['thanksSeconds', 5],
      ['staffLockSeconds', 30],
      ['dominantThreshold', 0],
      ['desirabilityCautionAbove', 1],
    ]);
    const high = restoreSettings({
      idleSeconds: 1e9,
      idleCountdownSeconds: 1e9,
      thanksSeconds: 1e9,
      staffLockSeconds: 1e9,
      scoring: { dominantThreshold: 150, desirabilityCautionAbove: 9 },
    });
    expect(numbers(high)).toEqual([
      ['idleSeconds', 3600],
      ['idleCountdownSeconds', 300],
      ['thanksSeconds', 300],
      ['staffLockSeconds', 3600],
      ['dominantThreshold', 100],
      ['desirabilityCautionAbove', 5],
    ]);
  });

  it('never lets the idle countdown drop below 20 seconds', () => {
    for (const v of [19.999, 0, -1, -1e308, Number.MIN_VALUE, -0])
      expect(restoreSettings({ idleCountdownSeconds: v }).idleCountdownSeconds).toBe(20);
    // Not a finite number: the default (30), which is above the floor too.
    expect(restoreSettings({ idleCountdownSeconds: -Infinity }).idleCountdownSeconds).toBe(30);
    expect(restoreSettings({ idleCountdownSeconds: 20 }).idleCountdownSeconds).toBe(20);
    expect(restoreSettings({ idleCountdownSeconds: 21 }).idleCountdownSeconds).toBe(21);
  });

  it('always offers Dutch first, only known languages, no duplicates', () => {
    expect(restoreSettings({ languages: [] }).languages).toEqual(['nl']);
    expect(restoreSettings({ languages: ['en', 'xx', 'en', 3, 'tr', 'nl'] }).languages).toEqual([
      'nl',
      'en',
      'tr',
    ]);
    expect(restoreSettings({ languages: ['ar'] }).languages).toEqual(['nl', 'ar']);
  });

  it('trims and bounds the texts; blank consent text means the default text', () => {
    expect(restoreSettings({ agencyName: '   ' }).agencyName).toBe(DEFAULT_SETTINGS.agencyName);
    expect(restoreSettings({ agencyName: 'x'.repeat(200) }).agencyName).toHaveLength(80);
    expect(restoreSettings({ consentText: '  \n ' }).consentText).toBeNull();
    expect(restoreSettings({ consentText: ' Wij vragen... ' }).consentText).toBe('Wij vragen...');
    expect(restoreSettings({ consentText: 'y'.repeat(5000) }).consentText).toHaveLength(4000);
  });

  it('keeps a valid preview retention', () => {
    expect(restoreSettings({ previewRetention: 'end-of-day' }).previewRetention).toBe('end-of-day');
    expect(restoreSettings({ previewRetention: 'until-synced' }).previewRetention).toBe(
      'until-synced',
    );
  });

  it('for anything stored, restores complete settings within bounds, and is idempotent', () => {
    const stored = fc.oneof(
      fc.anything(),
      fc.record(
        {
          agencyName: fc.oneof(fc.string(), fc.anything()),
          idleSeconds: fc.oneof(fc.double(), fc.anything()),
          idleCountdownSeconds: fc.oneof(fc.double(), fc.integer(), fc.anything()),
          thanksSeconds: fc.double(),
          staffLockSeconds: fc.double(),
          scoring: fc.record(
            { dominantThreshold: fc.double(), desirabilityCautionAbove: fc.double() },
            { requiredKeys: [] },
          ),
          detailFields: fc.dictionary(
            fc.constantFrom('gender', 'firstName', 'lastName', 'dateOfBirth', 'email'),
            fc.oneof(fc.constantFrom('required', 'optional', 'off'), fc.anything()),
          ),
          languages: fc.array(fc.oneof(fc.constantFrom(...ALL_LANGUAGES), fc.string())),
          previewRetention: fc.anything(),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(stored, (raw) => {
        const s = restoreSettings(raw);
        for (const [key, value] of numbers(s)) {
          const [lo, hi] = SETTING_BOUNDS[key];
          expect(Number.isFinite(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(lo);
          expect(value).toBeLessThanOrEqual(hi);
        }
        expect(s.idleCountdownSeconds).toBeGreaterThanOrEqual(20);
        expect(Object.keys(s.detailFields).sort()).toEqual([
          'dateOfBirth',
          'firstName',
          'gender',
          'lastName',
        ]);
        for (const m of Object.values(s.detailFields))
          expect(['required', 'optional', 'off']).toContain(m);
        expect(s.languages[0]).toBe('nl');
        expect(new Set(s.languages).size).toBe(s.languages.length);
        for (const l of s.languages) expect(ALL_LANGUAGES).toContain(l);
        expect(s.agencyName.length).toBeGreaterThan(0);
        expect(restoreSettings(JSON.parse(JSON.stringify(s)))).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkSettings (the office uses the tablet rules, strictly)', () => {
  it('accepts the defaults, a partial object, and trimmed texts', () => {
    expect(checkSettings(DEFAULT_SETTINGS)).toBeNull();
    expect(checkSettings({})).toBeNull();
    expect(checkSettings({ agencyName: ' Gemeente Assen ', consentText: '' })).toBeNull();
    expect(checkSettings({ languages: ['en', 'ar'] })).toBeNull();
  });

  it.each([
    [{ scoring: { dominantThreshold: 101 } }, 'scoring.dominantThreshold'],
    [{ idleCountdownSeconds: 19 }, 'idleCountdownSeconds'],
    [{ idleSeconds: 30.5 }, 'idleSeconds'],
    [{ offlineWarnDays: 61 }, 'offlineWarnDays'],
    [{ thanksSeconds: '20' }, 'thanksSeconds'],
    [{ previewRetention: 'forever' }, 'previewRetention'],
    [{ detailFields: { gender: 'sometimes' } }, 'detailFields.gender'],
    [{ languages: ['nl', 'xx'] }, 'languages'],
    [{ agencyName: '   ' }, 'agencyName'],
    [{ consentText: 'x'.repeat(4001) }, 'consentText'],
    [{ defaultReadAloud: 'yes' }, 'defaultReadAloud'],
    [{ colour: 'red' }, 'colour'],
  ])('refuses %j at %s', (raw, field) => {
    expect(checkSettings(raw)?.field).toBe(field);
  });

  it('accepts whatever restoreSettings produces', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => checkSettings(restoreSettings(raw)) === null),
      { numRuns: 200 },
    );
  });

  it('names the changed fields for the audit log', () => {
    const after = restoreSettings({ consentText: 'Nieuw', scoring: { dominantThreshold: 70 } });
    expect(changedSettings(DEFAULT_SETTINGS, after)).toEqual([
      'consentText',
      'scoring.dominantThreshold',
    ]);
  });

  it('has the agency defaults of issue 14: previews until the end of the day, warn after 3 days', () => {
    expect(DEFAULT_SETTINGS.previewRetention).toBe('end-of-day');
    expect(DEFAULT_SETTINGS.offlineWarnDays).toBe(3);
  });
});
