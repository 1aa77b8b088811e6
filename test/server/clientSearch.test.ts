// Issue 15: the client search answers from an index (trigram on search_text) and the list reads kept columns; the
// results must stay exactly what a plain "contains, ignoring case" over names, document name, code and reference gives,
// in list order (newest measurement first), with LIKE's wildcards taken literally, for coordinators and staff alike.
import { describe, expect, it } from 'vitest';
import type { ClientSummary } from '../../src/shared/contract/workspaceApi.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { DB_KIND, makeRecord, type Fixture } from './helpers.ts';
import { signedIn, ws } from './workspaceHelpers.ts';
import { coordinatorFixture } from './coordinatorFixture.ts';

let f: Fixture;
let coord: string;
coordinatorFixture((w) => {
  ({ f, cookie: coord } = w);
});

const T0 = Date.parse('2026-02-01T09:00:00Z');
const PEOPLE: [string | null, string | null, string | null, string | null][] = [
  // first name, last name, name on the ID document, reference
  ['Anna', 'Jansen-12', null, 'A-100'],
  ['Sam', 'Jansen-120', null, null],
  ['Noah', 'Jansen-1', null, 'B_12'],
  ['Elif', 'de Vries', 'Elif Yilmaz', 'C-12%'],
  ['Daan', 'Bakker', null, 'JANSEN-12-ref'],
  ['فاطمة', 'الحسن', 'Fatima Al-Hassan', null],
  [null, null, null, 'Only-Ref\\12'],
  ['Mohamed', 'Visser', null, null],
];

const search = async (q: string, cookie = coord) =>
  (await ws(f.app, 'GET', `/api/clients?q=${encodeURIComponent(q)}`, { cookie })).json<
    ClientSummary[]
  >();

/** What the search must return: contains (ASCII case ignored) over the fields, in the full list's order. */
function expected(all: ClientSummary[], texts: Map<string, string>, q: string): string[] {
  return all
    .filter((c) => (texts.get(c.id) ?? '').toLowerCase().includes(q.toLowerCase()))
    .map((c) => c.id);
}

describe(`client search (${DB_KIND})`, () => {
  it('finds exactly the clients whose names, code or reference contain the text, newest first', async () => {
    const records = PEOPLE.map(([first, last, doc, reference], i) =>
      makeRecord({
        reference,
        details: {
          ...(first ? { firstName: first } : {}),
          ...(last ? { lastName: last } : {}),
          ...(doc ? { documentName: doc } : {}),
          dateOfBirth: `1980-01-${String(i + 1).padStart(2, '0')}`,
        },
        // Not in insertion order, so list order is the measurement order, not the order clients were made.
        completedAt: T0 + ((i * 5) % PEOPLE.length) * 3_600_000,
        startedAt: T0 - 600_000,
        consentAt: T0 - 500_000,
      }),
    );
    const r = await f.sync({
      sessions: await Promise.all(records.map((x) => sealRecord(x, f.tablet.serverKey))),
    });
    expect(r.status).toBe(200);
    const all = (await ws(f.app, 'GET', '/api/clients', { cookie: coord })).json<ClientSummary[]>();
    expect(all).toHaveLength(PEOPLE.length);
    const texts = new Map<string, string>();
    for (const c of all) {
      const i = records.findIndex((x) => x.sessionId === c.latest?.measurementId);
      const [first, last, doc, reference] = PEOPLE[i]!;
      texts.set(c.id, [first, last, doc, c.code, reference].filter((x) => x).join(' '));
    }
    const queries = [
      'Jansen-12',
      'jansen-12',
      'JANSEN',
      'Jansen-1',
      'an',
      'a',
      'n J',
      'Fatima',
      'al-hassan',
      'الحسن',
      '12%',
      '%',
      '_',
      'B_1',
      'f\\12',
      '\\',
      'Elif Yil',
      all[3]!.code,
      all[3]!.code.slice(2, 7),
      'zzz',
    ];
    for (const q of queries) {
      const got = (await search(q)).map((c) => c.id);
      expect({ q, ids: got }).toEqual({ q, ids: expected(all, texts, q) });
    }
    // Staff search within their own clients only, same rules.
    const staff = await signedIn(f.app, f.db, 'staff');
    const linked = all.filter((_, i) => i % 2 === 0);
    for (const c of linked)
      await ws(f.app, 'PUT', `/api/clients/${c.id}/link`, {
        cookie: coord,
        body: { staffId: staff.id },
      });
    for (const q of ['Jansen', 'an', '12', '%']) {
      const got = (await search(q, staff.cookie)).map((c) => c.id);
      expect({ q, ids: got }).toEqual({ q, ids: expected(linked, texts, q) });
    }
  });
});
