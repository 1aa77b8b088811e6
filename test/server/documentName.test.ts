// The name as written on the ID document (Latin letters) beside a name in another script (issue 12): it travels in
// the sealed record, the client search finds the client by either name, the client list and page show both, a merge
// keeps it, a NUL in it is refused like any text, and erasing the client erases it.
import { describe, expect, it } from 'vitest';
import type { ClientDetail, ClientSummary } from '../../src/shared/contract/workspaceApi.ts';
import type { SyncResponse } from '../../src/shared/contract/protocol.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { DB_KIND, makeRecord, type Fixture } from './helpers.ts';
import { ws } from './workspaceHelpers.ts';
import { coordinatorFixture } from './coordinatorFixture.ts';

let f: Fixture;
let coord: string;
coordinatorFixture((w) => {
  ({ f, cookie: coord } = w);
});

const send = async (...records: ReturnType<typeof makeRecord>[]) =>
  (
    await f.sync({
      sessions: await Promise.all(records.map((r) => sealRecord(r, f.tablet.serverKey))),
    })
  ).json as SyncResponse;
const search = async (q: string) =>
  (await ws(f.app, 'GET', `/api/clients?q=${encodeURIComponent(q)}`, { cookie: coord })).json<
    ClientSummary[]
  >();

describe(`name on the ID document (${DB_KIND})`, () => {
  it('is found by typing Latin letters, shown beside the name, and erased with the client', async () => {
    const record = makeRecord({
      reference: null,
      language: 'ar',
      languagesUsed: ['ar'],
      details: {
        firstName: 'فاطمة',
        lastName: 'الحسن',
        dateOfBirth: '1985-03-03',
        documentName: 'Fatima Al-Hassan',
      },
    });
    const other = makeRecord({
      reference: null,
      details: { firstName: 'Anna', lastName: 'Jansen', dateOfBirth: '1970-01-01' },
    });
    expect((await send(record, other)).rejected).toEqual([]);

    // Either name finds the client; the Latin one with any case.
    const [byLatin, ...more] = await search('fatima');
    expect(more).toEqual([]);
    expect(byLatin).toMatchObject({ displayName: 'فاطمة الحسن', documentName: 'Fatima Al-Hassan' });
    expect((await search('الحسن')).map((c) => c.id)).toEqual([byLatin!.id]);
    expect((await search('Al-Has')).map((c) => c.id)).toEqual([byLatin!.id]);
    expect((await search('Jansen'))[0]?.documentName).toBeNull();

    const detail = (
      await ws(f.app, 'GET', `/api/clients/${byLatin!.id}`, { cookie: coord })
    ).json<ClientDetail>();
    expect(detail.details.documentName).toBe('Fatima Al-Hassan');
    expect(detail.client.documentName).toBe('Fatima Al-Hassan');

    // A later measurement without it (another language) matches the same person and keeps it.
    const again = makeRecord({
      reference: null,
      details: { firstName: 'فاطمة', lastName: 'الحسن', dateOfBirth: '1985-03-03' },
    });
    expect((await send(again)).rejected).toEqual([]);
    expect((await search('Fatima'))[0]).toMatchObject({ id: byLatin!.id, measurementCount: 2 });

    // Erasure erases it: no client row, no measurement holds it, the search finds nothing.
    expect(
      (await ws(f.app, 'DELETE', `/api/clients/${byLatin!.id}`, { cookie: coord })).statusCode,
    ).toBe(204);
    expect(await search('Fatima')).toEqual([]);
    const left = await f.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM clients WHERE document_name IS NOT NULL)::int
        + (SELECT count(*) FROM measurements WHERE details ? 'documentName')::int AS n`,
    );
    expect(left.rows[0]!.n).toBe(0);
  });

  it('a merge keeps the name on the ID document of the client merged away', async () => {
    await send(
      makeRecord({
        reference: 'M-1',
        details: { firstName: 'Олена', lastName: 'Коваль', documentName: 'Olena Koval' },
      }),
      makeRecord({ reference: 'M-2', details: { firstName: 'Olena', lastName: 'Koval' } }),
    );
    const [withDoc] = await search('M-1');
    const [keep] = await search('M-2');
    expect(withDoc?.documentName).toBe('Olena Koval');
    const merged = await ws(f.app, 'POST', '/api/clients/merge', {
      cookie: coord,
      body: { keepId: keep!.id, mergeId: withDoc!.id },
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json<ClientSummary>().documentName).toBe('Olena Koval');
  });

  it('refuses a record whose name on the ID document holds a NUL, and one with an unknown detail', async () => {
    const bad = makeRecord({ details: { firstName: 'Ali', documentName: 'Ali\u0000' } });
    const unknown = makeRecord({
      details: { firstName: 'Ali', passportNumber: 'X123' } as Record<string, string>,
    });
    const r = await send(bad, unknown);
    expect(r.rejected.map((x) => [x.sessionId, x.status]).sort()).toEqual(
      [
        [bad.sessionId, 422],
        [unknown.sessionId, 422],
      ].sort(),
    );
    expect(r.receipts).toEqual([]);
  });
});
