// Staff cannot read the agency settings, yet the imago sentence and the client summary name the agency: the name comes
// with every Me answer (sign-in and /api/auth/me), and follows a change of the settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencySettings } from '../../src/shared/core/settings.ts';
import type { Me } from '../../src/shared/contract/workspaceApi.ts';
import { DB_KIND, fixture, type Fixture } from './helpers.ts';
import { addUser, signedIn, ws } from './workspaceHelpers.ts';

let f: Fixture;
beforeAll(async () => {
  f = await fixture();
});
afterAll(() => f.close());

describe(`agency name for staff (${DB_KIND})`, () => {
  it('comes with sign-in and me, for staff too, and follows the settings', async () => {
    const coord = await signedIn(f.app, f.db, 'coordinator');
    const settings = (
      await ws(f.app, 'GET', '/api/settings', { cookie: coord.cookie })
    ).json<AgencySettings>();
    const put = await ws(f.app, 'PUT', '/api/settings', {
      cookie: coord.cookie,
      body: { ...settings, agencyName: 'Gemeente Testdorp' },
    });
    expect(put.statusCode).toBe(200);

    const staff = await addUser(f.db, 'staff');
    const login = await ws(f.app, 'POST', '/api/auth/login', {
      body: { username: staff.username, password: staff.password },
    });
    expect(login.json<Me>().agencyName).toBe('Gemeente Testdorp');
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await ws(f.app, 'GET', '/api/auth/me', { cookie })).json<Me>().agencyName).toBe(
      'Gemeente Testdorp',
    );
    // The settings themselves stay coordinator-only.
    expect((await ws(f.app, 'GET', '/api/settings', { cookie })).statusCode).toBe(403);

    await ws(f.app, 'PUT', '/api/settings', {
      cookie: coord.cookie,
      body: { ...settings, agencyName: 'Werkplein Noord' },
    });
    expect((await ws(f.app, 'GET', '/api/auth/me', { cookie })).json<Me>().agencyName).toBe(
      'Werkplein Noord',
    );
  });
});
