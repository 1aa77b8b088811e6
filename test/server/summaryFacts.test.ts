// The client's summary states who sees the result, how long it is kept and whether defiant postures show a score:
// staff read these facts (never the settings themselves), fresh from the retention period and the agency settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencySettings } from '../../src/shared/core/settings.ts';
import type { SummaryFacts } from '../../src/shared/contract/workspaceApi.ts';
import { DB_KIND, fixture, type Fixture } from './helpers.ts';
import { addUser, signedIn, ws } from './workspaceHelpers.ts';

let f: Fixture;
beforeAll(async () => {
  f = await fixture();
});
afterAll(() => f.close());

describe(`summary facts (${DB_KIND})`, () => {
  it('follow the retention period and the defiant-scores setting, default off, for staff too', async () => {
    const coord = await signedIn(f.app, f.db, 'coordinator');
    const staff = await addUser(f.db, 'staff');
    const login = await ws(f.app, 'POST', '/api/auth/login', {
      body: { username: staff.username, password: staff.password },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const facts = async () =>
      (await ws(f.app, 'GET', '/api/summary-facts', { cookie })).json<SummaryFacts>();

    expect(await facts()).toMatchObject({ retentionDays: null, defiantScores: false });

    await ws(f.app, 'PUT', '/api/retention', { cookie: coord.cookie, body: { days: 365 } });
    const settings = (
      await ws(f.app, 'GET', '/api/settings', { cookie: coord.cookie })
    ).json<AgencySettings>();
    expect(settings.summaryDefiantScores).toBe(false);
    const put = await ws(f.app, 'PUT', '/api/settings', {
      cookie: coord.cookie,
      body: { ...settings, summaryDefiantScores: true, agencyName: 'Gemeente Testdorp' },
    });
    expect(put.statusCode).toBe(200);
    expect(await facts()).toEqual({
      agencyName: 'Gemeente Testdorp',
      retentionDays: 365,
      defiantScores: true,
    });

    const bad = await ws(f.app, 'PUT', '/api/settings', {
      cookie: coord.cookie,
      body: { ...settings, summaryDefiantScores: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: string }>().error).toBe('invalid_setting');
  });
});
