// Issue 13 §4: each measurement is labelled with the items, wording and scales of the questionnaire version it was
// answered in. The client page (one request) and a measurement's answers carry that version's definition and its texts
// in the workspace languages; the versions list carries them for the quality page. Runs on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemsInOrder } from '../../src/shared/core/instrument.ts';
import type {
  AnsweredMeasurement,
  ClientDetail,
  VersionSummary,
} from '../../src/shared/contract/workspaceApi.ts';
import { DB_KIND, fixture, PILOT, type Fixture } from './helpers.ts';
import { recordOn, sendRecords, storeVersion, V2 } from './versionHelpers.ts';
import { signedIn, ws } from './workspaceHelpers.ts';

let f: Fixture;
let cookie: string;
let clientId: string;
let v1Id: string;
let v2Id: string;
beforeAll(async () => {
  f = await fixture();
  cookie = (await signedIn(f.app, f.db, 'coordinator', { now: f.clock.now() })).cookie;
  const v1 = recordOn(PILOT, 1, 'KLANT-7');
  expect((await sendRecords(f, f.app, v1)).receipts[0]?.status).toBe('stored');
  expect((await storeVersion(f.app, cookie, { ...V2 })).statusCode).toBe(201);
  const v2 = { ...recordOn(V2, 2, 'KLANT-7'), completedAt: v1.completedAt + 86_400_000 };
  expect((await sendRecords(f, f.app, v2)).receipts[0]?.status).toBe('stored');
  const r = await f.db.query<{ client_id: string }>(
    'SELECT DISTINCT client_id::text AS client_id FROM measurements',
  );
  expect(r.rows).toHaveLength(1);
  clientId = r.rows[0]?.client_id ?? '';
  v1Id = v1.sessionId;
  v2Id = v2.sessionId;
});
afterAll(() => f.close());

describe(`labels from the version a measurement was answered in (${DB_KIND})`, () => {
  it("the client page carries each of its measurements' versions with their items and English texts", async () => {
    const r = await ws(f.app, 'GET', `/api/clients/${clientId}`, { cookie });
    expect(r.statusCode).toBe(200);
    const d = r.json<ClientDetail>();
    expect(d.measurements.map((m) => m.instrumentVersion)).toEqual([1, 2]);
    expect(d.instruments.map((i) => i.version).sort()).toEqual([1, 2]);
    const v1 = d.instruments.find((i) => i.version === 1);
    const v2 = d.instruments.find((i) => i.version === 2);
    expect(itemsInOrder(v2!.definition).map((i) => i.item.id)).toContain('A11');
    expect(itemsInOrder(v1!.definition).map((i) => i.item.id)).not.toContain('A11');
    expect(v2?.definition.parts[0]?.items[0]?.text).toBe(
      'Ik vind het goed om me aan de regels van de uitkering te houden.',
    );
    expect(v2?.texts.en?.['items.A11']).toBe(
      'I keep the agreements I make with the benefits agency.',
    );
    expect(v2?.texts.en?.['items.A1']).toBe(
      'I think it is good to keep to the rules of the benefit.',
    );
    expect(v1?.texts.en?.['items.A1']).toMatch(/^It is good to/);
    expect(v2?.definition.scales.map((s) => s.id)).not.toContain('leraar');
    expect(v1?.texts.en?.['scales.leraar.label']).toBeTruthy();
  });

  it('a measurement’s answers carry its own version', async () => {
    const two = (
      await ws(f.app, 'GET', `/api/measurements/${v2Id}/answers`, { cookie })
    ).json<AnsweredMeasurement>();
    expect(two.instrument?.version).toBe(2);
    expect(two.instrument?.texts.en?.['items.A11']).toBeTruthy();
    expect(two.scales.flatMap((s) => s.items.map((i) => i.itemId))).toContain('A11');
    const one = (
      await ws(f.app, 'GET', `/api/measurements/${v1Id}/answers`, { cookie })
    ).json<AnsweredMeasurement>();
    expect(one.instrument?.version).toBe(1);
  });

  it('staff who are not linked to the client get neither the page nor its versions', async () => {
    const staff = await signedIn(f.app, f.db, 'staff', { now: f.clock.now() });
    const r = await ws(f.app, 'GET', `/api/clients/${clientId}`, { cookie: staff.cookie });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ error: 'forbidden' });
  });

  it('the versions list carries each version’s English texts (the quality page labels with them)', async () => {
    const list = (await ws(f.app, 'GET', '/api/instrument-versions', { cookie })).json<
      VersionSummary[]
    >();
    expect(list.find((v) => v.version === 2)?.texts.en?.['items.A11']).toBeTruthy();
    expect(list.find((v) => v.version === 1)?.texts.en?.['items.A1']).toMatch(/^It is good to/);
  });
});
