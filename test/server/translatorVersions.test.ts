// Issue 13 §1 and §4 together: the translator workflow follows the questionnaire version tablets give new clients,
// also when a coordinator stores a new one while the server runs, and when another instance on the same database
// stored it. The XLIFF export has v2's statements (A11, the reworded A1) with the texts that came with v2, an import
// is checked against v2's keys, review and coverage count v2's strings. Runs on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanguageReview } from '../../src/shared/contract/workspaceApi.ts';
import { DB_KIND, fixture, type Fixture } from './helpers.ts';
import { secondInstance, storeVersion, V2_JSON } from './versionHelpers.ts';
import { signedIn, ws } from './workspaceHelpers.ts';

const V1_A1 = 'instrument.pilot-2019.v1:items.A1';
const V2_A1 = 'instrument.pilot-2019.v2:items.A1';
const V2_A11 = 'instrument.pilot-2019.v2:items.A11';

let f: Fixture;
let cookie: string;
let v1Export: string;
let other: Fixture['app'];
beforeAll(async () => {
  f = await fixture();
  cookie = (await signedIn(f.app, f.db, 'coordinator', { now: f.clock.now() })).cookie;
  // A second instance on the same database, started (and its routes built) while version 1 was current.
  other = await secondInstance(f);
  v1Export = await exportOf(f.app, 'en');
  expect(v1Export).toContain(`<unit id="${V1_A1}"`);
  expect(await exportOf(other, 'en')).not.toContain(V2_A11);
  expect((await storeVersion(f.app, cookie, V2_JSON)).statusCode).toBe(201);
});
afterAll(async () => {
  await other.close();
  await f.close();
});

async function exportOf(app: Fixture['app'], code: string): Promise<string> {
  const r = await ws(app, 'GET', `/api/languages/${code}/xliff`, { cookie });
  expect(r.statusCode).toBe(200);
  return r.body;
}

/** The source and target of one unit of an export. */
function unit(xml: string, id: string): { source: string; target: string } | null {
  const at = xml.indexOf(`<unit id="${id}"`);
  if (at < 0) return null;
  const end = xml.indexOf('</unit>', at);
  const part = xml.slice(at, end);
  const text = (tag: string) =>
    /<(\w+)>([^<]*)<\/\1>/.exec(part.slice(part.indexOf(`<${tag}>`)))?.[2] ?? '';
  return { source: text('source'), target: text('target') };
}

describe(`the translator workflow after a new questionnaire version (${DB_KIND})`, () => {
  it.each([
    ['this instance', () => f.app],
    ['an instance started before v2 was stored', () => other],
  ])('exports v2’s statements with their texts (%s)', async (_name, app) => {
    const xml = await exportOf(app(), 'en');
    expect(unit(xml, V1_A1)).toBeNull();
    expect(unit(xml, V2_A11)).toEqual({
      source: 'Ik houd me aan de afspraken die ik met de uitkeringsinstantie maak.',
      target: 'I keep the agreements I make with the benefits agency.',
    });
    expect(unit(xml, V2_A1)?.source).toBe(
      'Ik vind het goed om me aan de regels van de uitkering te houden.',
    );
    expect(unit(xml, V2_A1)?.target).toBe(
      'I think it is good to keep to the rules of the benefit.',
    );
  });

  it('checks an import against v2’s keys: the v2 export passes, a file made from v1 is refused', async () => {
    const v2 = await exportOf(f.app, 'en');
    const ok = await ws(other, 'POST', '/api/languages/en/import/preview', {
      cookie,
      body: { xliff: v2 },
    });
    expect(ok.statusCode).toBe(200);
    const old = await ws(f.app, 'POST', '/api/languages/en/import/preview', {
      cookie,
      body: { xliff: v1Export },
    });
    expect(old.statusCode).toBe(422);
    const problems = old.json<{ problems: string[] }>().problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        `${V2_A11}: missing`,
        `${V1_A1}: unknown key (not in the Dutch texts)`,
      ]),
    );
  });

  it('reviews and counts v2’s strings on the languages page', async () => {
    const review = await ws(other, 'PUT', '/api/languages/en/strings/review', {
      cookie,
      body: { ids: [V2_A11], status: 'approved' },
    });
    expect(review.statusCode).toBe(204);
    const strings = (await ws(f.app, 'GET', '/api/languages/en/strings', { cookie })).json<{
      strings: { id: string; status: string }[];
    }>();
    expect(strings.strings.find((s) => s.id === V2_A11)?.status).toBe('approved');
    expect(strings.strings.some((s) => s.id === V1_A1)).toBe(false);
    const langs = (await ws(other, 'GET', '/api/languages', { cookie })).json<LanguageReview[]>();
    const items = langs.find((l) => l.code === 'en')?.parts.find((p) => p.part === 'items');
    expect(items).toMatchObject({ approved: 1 });
    expect(items?.translated).toBe(items?.total);
  });
});
