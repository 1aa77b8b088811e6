// Issue 13 §1, translator workflow on the server: XLIFF 2.0 export of every client-facing string, import checked
// (well-formed, languages, every key, placeholders, plural forms, lengths), a diff before it is applied as a new
// version, review status per string with who and when, coverage per part. Runs on PGlite and on PostgreSQL.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type {
  ImportPreview,
  LanguageReview,
  LanguageStrings,
} from '../../src/shared/contract/workspaceApi.ts';
import { DB_KIND, type Fixture } from './helpers.ts';
import { ws } from './workspaceHelpers.ts';
import { coordinatorFixture } from './coordinatorFixture.ts';

let f: Fixture;
let cookie: string;
let coordinatorName: string;
coordinatorFixture(
  (w) => {
    ({ f, cookie, coordinatorName } = w);
  },
  { cleanup: 'TRUNCATE language_versions, string_reviews' },
);

const LANGS = ['ar', 'en', 'fa', 'pl', 'ti', 'tr', 'uk'];
const ITEM = 'instrument.pilot-2019.v1:items.A1';

const exportOf = async (code: string): Promise<string> => {
  const r = await ws(f.app, 'GET', `/api/languages/${code}/xliff`, { cookie });
  expect(r.statusCode).toBe(200);
  expect(r.headers['content-type']).toMatch(/^application\/xliff\+xml/);
  return r.body;
};
const preview = (code: string, xliff: string) =>
  ws(f.app, 'POST', `/api/languages/${code}/import/preview`, { cookie, body: { xliff } });
const apply = (code: string, xliff: string, baseVersion: number) =>
  ws(f.app, 'POST', `/api/languages/${code}/import`, { cookie, body: { xliff, baseVersion } });
const strings = async (code: string) =>
  (await ws(f.app, 'GET', `/api/languages/${code}/strings`, { cookie })).json<LanguageStrings>();

/** Replaces the <target> of unit `id` with `inner` (raw XML, so a test can also break placeholders). */
const setTarget = (xml: string, id: string, inner: string): string => {
  const at = xml.indexOf(`<unit id="${id}"`);
  expect(at).toBeGreaterThan(0);
  const start = xml.indexOf('<target>', at);
  const end = xml.indexOf('</target>', start);
  return `${xml.slice(0, start)}<target>${inner}</target>${xml.slice(end + '</target>'.length)}`;
};
const dropUnit = (xml: string, id: string): string => {
  const at = xml.indexOf(`<unit id="${id}"`);
  const end = xml.indexOf('</unit>', at) + '</unit>'.length;
  return xml.slice(0, at) + xml.slice(end);
};

describe(`XLIFF export (${DB_KIND})`, () => {
  it('is XLIFF 2.0 with the Dutch source, notes, protected placeholders and every plural form of the language', async () => {
    const xml = await exportOf('pl');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      xliff: Record<string, string>;
    };
    expect(doc.xliff.xmlns).toBe('urn:oasis:names:tc:xliff:document:2.0');
    expect(doc.xliff.version).toBe('2.0');
    expect(doc.xliff.srcLang).toBe('nl');
    expect(doc.xliff.trgLang).toBe('pl');
    // One file per part.
    for (const part of ['kiosk', 'items', 'answers', 'summary'])
      expect(xml).toContain(`<file id="${part}"`);
    // An item: Dutch source, Polish target, the note every statement carries.
    const item = xml.slice(
      xml.indexOf(`<unit id="${ITEM}"`),
      xml.indexOf('</unit>', xml.indexOf(`<unit id="${ITEM}"`)),
    );
    expect(item).toContain(
      '<source>Het is goed om je aan de regels van de uitkering te houden.</source>',
    );
    expect(item).toMatch(/<target>[^<]+<\/target>/);
    expect(item).toContain(
      'A statement to agree or disagree with; keep the meaning, not the words.',
    );
    // {{agency}} as a <ph/> that may not be deleted, never as literal braces.
    const consent = xml.slice(xml.indexOf('<unit id="kiosk:consent.default_text"'));
    expect(consent.slice(0, consent.indexOf('</unit>'))).toContain(
      '<ph id="agency" equiv="{{agency}}" disp="agency" canCopy="no" canDelete="no"/>',
    );
    expect(xml).not.toMatch(/<(source|target)>[^<]*\{\{/);
    // Polish has four plural forms; Dutch shows its "other" text for the two it lacks.
    for (const cat of ['one', 'few', 'many', 'other'])
      expect(xml).toContain(`<unit id="kiosk:review.unanswered_count_${cat}"`);
    expect(xml).not.toContain('unanswered_count_two');
    // Arabic six.
    const ar = await exportOf('ar');
    for (const cat of ['zero', 'one', 'two', 'few', 'many', 'other'])
      expect(ar).toContain(`<unit id="kiosk:idle.body_${cat}"`);
  });

  it('exports every language in a form its own import accepts unchanged (the bundled texts pass every check)', async () => {
    for (const code of LANGS) {
      const r = await preview(code, await exportOf(code));
      expect(r.statusCode, `${code}: ${r.body.slice(0, 400)}`).toBe(200);
      const p = r.json<ImportPreview>();
      expect(p.changes).toEqual([]);
      expect(p.baseVersion).toBe(0);
      expect(p.unchanged).toBeGreaterThan(100);
    }
  });

  it('refuses the source language and unknown languages', async () => {
    expect((await ws(f.app, 'GET', '/api/languages/nl/xliff', { cookie })).statusCode).toBe(409);
    expect((await ws(f.app, 'GET', '/api/languages/xx/xliff', { cookie })).statusCode).toBe(404);
  });
});

describe(`XLIFF import (${DB_KIND})`, () => {
  it('shows the diff, applies it as the next version, puts changed strings back to draft, and audits it', async () => {
    const xml = await exportOf('en');
    await ws(f.app, 'PUT', '/api/languages/en/strings/review', {
      cookie,
      body: { ids: [ITEM, 'kiosk:welcome.title'], status: 'approved' },
    });
    const edited = setTarget(xml, ITEM, 'It is right to follow &amp; respect the benefit rules.');
    const p = await preview('en', edited);
    expect(p.statusCode).toBe(200);
    const diff = p.json<ImportPreview>();
    expect(diff.changes).toEqual([
      {
        key: ITEM,
        stringId: ITEM,
        part: 'items',
        source: 'Het is goed om je aan de regels van de uitkering te houden.',
        before: 'It is good to keep to the rules of the benefit.',
        after: 'It is right to follow & respect the benefit rules.',
      },
    ]);
    // Nothing is stored by a preview.
    expect((await strings('en')).version).toBe(0);

    const r = await apply('en', edited, 0);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toEqual({ code: 'en', version: 1, changed: 1 });
    const s = await strings('en');
    expect(s.version).toBe(1);
    const item = s.strings.find((x) => x.id === ITEM)!;
    expect(item.forms[0]?.target).toBe('It is right to follow & respect the benefit rules.');
    expect(item.status).toBe('draft');
    expect(item.reviewedBy).toBe(coordinatorName);
    // An unchanged string keeps its review.
    expect(s.strings.find((x) => x.id === 'kiosk:welcome.title')?.status).toBe('approved');
    // The next export carries the new text and version.
    const again = await exportOf('en');
    expect(again).toContain('It is right to follow &amp; respect the benefit rules.');
    expect(again).toContain('si:languageVersion="1"');
    // Applying against the old version is refused: the coordinator must look at the diff again.
    const stale = await apply('en', edited, 0);
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: string }>().error).toBe('version_conflict');
    const audit = await ws(f.app, 'GET', '/api/audit?action=language_import', { cookie });
    expect(audit.body).toContain('en version 1 imported from XLIFF: 1 texts changed');
    const langs = (await ws(f.app, 'GET', '/api/languages', { cookie })).json<LanguageReview[]>();
    const en = langs.find((l) => l.code === 'en')!;
    expect(en.version).toBe(1);
    expect(en.versionBy).toBe(coordinatorName);
  });

  it('says everything that is wrong at once, as 422 {error, message, problems}', async () => {
    const xml = await exportOf('pl');
    let bad = setTarget(xml, 'kiosk:consent.default_text', 'Bez nazwy urzędu.'); // {{agency}} dropped
    bad = setTarget(bad, 'kiosk:welcome.title', 'W'.repeat(200)); // far longer than "Welkom"
    bad = dropUnit(bad, 'kiosk:review.unanswered_count_few'); // a plural form gone
    bad = dropUnit(bad, 'kiosk:welcome.intro'); // a key gone
    bad = bad.replace(
      '</file>',
      '<unit id="kiosk:made.up"><segment><source>x</source><target>y</target></segment></unit></file>',
    );
    bad = setTarget(bad, 'kiosk:details.title', 'O <ph id="nope"/>');
    const r = await preview('pl', bad);
    expect(r.statusCode).toBe(422);
    const body = r.json<{ error: string; message: string; problems: string[] }>();
    expect(body.error).toBe('xliff_problems');
    expect(body.message).toMatch(/^7 problems in the file: /);
    expect(body.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^kiosk:consent\.default_text: placeholders differ/),
        expect.stringMatching(/^kiosk:welcome\.title: 200 characters, too long/),
        'kiosk:review.unanswered_count_few: plural form "few" missing',
        'kiosk:welcome.intro: missing',
        'kiosk:made.up: unknown key (not in the Dutch texts)',
        'kiosk:details.title: unknown placeholder <ph id="nope"/>',
      ]),
    );
    // Applying the same file is refused the same way and stores nothing.
    expect((await apply('pl', bad, 0)).statusCode).toBe(422);
    expect((await strings('pl')).version).toBe(0);
  });

  it('refuses a file that is not well-formed (400), not XLIFF 2, for another language, or with a DOCTYPE (422)', async () => {
    const xml = await exportOf('tr');
    const cases: [string, number, string][] = [
      [xml.replace('</xliff>', ''), 400, 'xliff_malformed'],
      [
        '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"/>',
        422,
        'xliff_invalid',
      ],
      [xml.replace('trgLang="tr"', 'trgLang="de"'), 422, 'xliff_problems'],
      [xml.replace('srcLang="nl"', 'srcLang="en"'), 422, 'xliff_problems'],
      [
        `<!DOCTYPE x [<!ENTITY a "aaaa">]>${xml.replace(/^<\?xml[^>]*\?>/, '')}`,
        422,
        'xliff_invalid',
      ],
    ];
    for (const [body, status, error] of cases) {
      const r = await preview('tr', body);
      expect(r.statusCode, r.body.slice(0, 200)).toBe(status);
      const e = r.json<{ error: string; message: string }>();
      expect(e.error).toBe(error);
      expect(e.message.length).toBeGreaterThan(10);
    }
    // trgLang with a region is the same language.
    expect((await preview('tr', xml.replace('trgLang="tr"', 'trgLang="tr-TR"'))).statusCode).toBe(
      200,
    );
  });

  it('accepts a translation that writes "one" without the number', async () => {
    const xml = await exportOf('en');
    const r = await preview(
      'en',
      setTarget(xml, 'kiosk:idle.body_one', 'In one second the screen starts again.'),
    );
    expect(r.statusCode).toBe(200);
    expect(r.json<ImportPreview>().changes).toHaveLength(1);
  });
});

describe(`review status per string (${DB_KIND})`, () => {
  it('records who set which status when, and the languages page counts it per part', async () => {
    const before = (await ws(f.app, 'GET', '/api/languages', { cookie })).json<LanguageReview[]>();
    const pl0 = before.find((l) => l.code === 'pl')!;
    const items0 = pl0.parts.find((p) => p.part === 'items')!;
    expect(items0).toMatchObject({ draft: items0.total, reviewed: 0, approved: 0 });
    expect(items0.translated).toBe(items0.total);
    expect(before.find((l) => l.code === 'nl')?.parts).toEqual([]);

    f.clock.advance(1000);
    const r = await ws(f.app, 'PUT', '/api/languages/pl/strings/review', {
      cookie,
      body: { ids: [ITEM, 'instrument.pilot-2019.v1:answers.1'], status: 'reviewed' },
    });
    expect(r.statusCode).toBe(204);
    const s = await strings('pl');
    const item = s.strings.find((x) => x.id === ITEM)!;
    expect(item).toMatchObject({ status: 'reviewed', reviewedBy: coordinatorName });
    expect(Date.parse(item.reviewedAt!)).toBe(f.clock.now());
    expect(item.forms[0]?.source).toBe(
      'Het is goed om je aan de regels van de uitkering te houden.',
    );

    const after = (await ws(f.app, 'GET', '/api/languages', { cookie })).json<LanguageReview[]>();
    const parts = after.find((l) => l.code === 'pl')!.parts;
    expect(parts.find((p) => p.part === 'items')).toMatchObject({
      reviewed: 1,
      draft: items0.total - 1,
    });
    expect(parts.find((p) => p.part === 'answers')).toMatchObject({ reviewed: 1, total: 5 });
    const audit = await ws(f.app, 'GET', '/api/audit?action=string_review', { cookie });
    expect(audit.body).toContain('pl: 2 strings marked reviewed');
  });

  it('refuses unknown string ids and the source language', async () => {
    const bad = await ws(f.app, 'PUT', '/api/languages/pl/strings/review', {
      cookie,
      body: { ids: ['kiosk:nope'], status: 'approved' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: string }>().error).toBe('unknown_string');
    const nl = await ws(f.app, 'PUT', '/api/languages/nl/strings/review', {
      cookie,
      body: { ids: [ITEM], status: 'approved' },
    });
    expect(nl.statusCode).toBe(409);
  });
});
