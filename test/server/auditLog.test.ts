// The audit log for coordinators: every action code written is a known one with words in nl and en, names instead
// of ids (also for a removed account), filters by person, action and period on the server, paging, and a CSV export
// that is itself audited.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/shared/contract/auditActions.ts';
import type { AuditEntry } from '../../src/shared/contract/workspaceApi.ts';
import { writeAudit } from '../../src/server/auth/audit.ts';
import { DB_KIND, fixture, type Fixture } from './helpers.ts';
import { signedIn, ws } from './workspaceHelpers.ts';
import nl from '../../locales/nl/workspace.json' with { type: 'json' };
import en from '../../locales/en/workspace.json' with { type: 'json' };

let f: Fixture;
beforeEach(async () => {
  f = await fixture();
});
afterEach(() => f.close());

const list = async (cookie: string, query = '') => {
  const r = await ws(f.app, 'GET', `/api/audit${query}`, { cookie });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<AuditEntry[]>();
};

describe('audit action codes', () => {
  it('every code the server writes is listed, and every listed code has words in nl and en', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? files(join(dir, e.name))
          : e.name.endsWith('.ts')
            ? [join(dir, e.name)]
            : [],
      );
    const written = new Set<string>();
    for (const file of files('src/server')) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/action: '([a-z_]+)'/g)) written.add(m[1] ?? '');
      for (const m of src.matchAll(/audit\(\s*\w+,\s*req,\s*[\w.()]+,\s*'([a-z_]+)'/g))
        written.add(m[1] ?? '');
    }
    expect(written.size).toBeGreaterThan(15);
    for (const code of written) expect(AUDIT_ACTIONS, code).toContain(code);
    const nlActions: Record<string, string> = nl.audit.actions;
    const enActions: Record<string, string> = en.audit.actions;
    for (const code of AUDIT_ACTIONS) {
      expect(nlActions[code], code).toBeTruthy();
      expect(enActions[code], code).toBeTruthy();
      expect(nlActions[code]).not.toContain('_');
    }
  });
});

describe(`audit log (${DB_KIND})`, () => {
  it('names people instead of ids, also for an account that is gone', async () => {
    const c = await signedIn(f.app, f.db, 'coordinator', { name: 'Cora' });
    const s = await signedIn(f.app, f.db, 'staff', { name: 'Sam' });
    await ws(f.app, 'PATCH', `/api/users/${s.id}`, { cookie: c.cookie, body: { name: 'Sam B.' } });
    const gone = '0b9c1a44-58a8-4f7e-9b1e-2f8d6c0e0a11';
    await writeAudit(f.db, {
      at: f.clock.now(),
      actorId: gone,
      actorName: 'Oud Account',
      action: 'sign_in',
      clientId: null,
      detail: '',
    });
    const entries = await list(c.cookie);
    const update = entries.find((e) => e.action === 'user_update');
    expect(update).toMatchObject({ actorName: 'Cora', subjectId: s.id, subjectName: 'Sam B.' });
    expect(entries.find((e) => e.actorId === gone)).toMatchObject({ actorName: 'Oud Account' });
  });

  it('filters by person, action and period on the server, pages, and refuses bad filters', async () => {
    const c = await signedIn(f.app, f.db, 'coordinator');
    const s = await signedIn(f.app, f.db, 'staff');
    const day = (d: string) => Date.parse(`${d}T10:00:00Z`);
    for (const [d, who, action] of [
      ['2024-03-01', s, 'view_profile'],
      ['2024-03-02', s, 'judgement'],
      ['2024-03-03', c, 'view_profile'],
      ['2024-03-04', s, 'view_profile'],
    ] as const)
      await writeAudit(f.db, {
        at: day(d),
        actorId: who.id,
        actorName: who.name,
        action,
        clientId: null,
        detail: d,
      });
    const bySam = await list(c.cookie, `?actorId=${s.id}&action=view_profile`);
    expect(bySam.map((e) => e.detail)).toEqual(['2024-03-04', '2024-03-01']);
    const period = await list(c.cookie, '?from=2024-03-02&to=2024-03-03');
    expect(period.map((e) => e.detail)).toEqual(['2024-03-03', '2024-03-02']);
    const page2 = await list(c.cookie, `?actorId=${s.id}&limit=2&offset=2`);
    // Sam's newest line is the sign-in of the fixture (now), then the three written above.
    expect(page2.map((e) => e.detail)).toEqual(['2024-03-02', '2024-03-01']);
    for (const bad of [
      '?action=drop_table',
      '?actorId=piet',
      '?from=2024-03-05&to=2024-03-01',
      '?offset=-1',
      '?limit=0',
    ]) {
      const r = await ws(f.app, 'GET', `/api/audit${bad}`, { cookie: c.cookie });
      expect(r.statusCode, bad).toBe(400);
      const body = r.json<{ error: unknown; message: unknown }>();
      expect([typeof body.error, typeof body.message]).toEqual(['string', 'string']);
    }
  });

  it('exports the filtered log as CSV in Dutch or English, and the export is audited', async () => {
    const c = await signedIn(f.app, f.db, 'coordinator', { name: 'Cora' });
    const s = await signedIn(f.app, f.db, 'staff', { name: '=Sam' });
    await writeAudit(f.db, {
      at: f.clock.now(),
      actorId: s.id,
      actorName: s.name,
      action: 'view_profile',
      clientId: null,
      detail: '',
    });
    const r = await ws(f.app, 'GET', `/api/audit.csv?actorId=${s.id}`, { cookie: c.cookie });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/csv/);
    const lines = r.body.trim().split('\r\n');
    expect(lines[0]).toBe(nl.audit.csv_header.join(','));
    expect(lines.map((l) => l.split(',')[2])).toEqual(['actie (code)', 'view_profile', 'sign_in']);
    expect(lines[1]).toContain(`'=Sam,view_profile,${nl.audit.actions.view_profile}`);
    const english = await ws(f.app, 'GET', `/api/audit.csv?lang=en&action=view_profile`, {
      cookie: c.cookie,
    });
    expect(english.body).toContain(en.audit.actions.view_profile);
    const exported = await list(c.cookie, '?action=audit_export');
    expect(exported).toHaveLength(2);
    expect(exported[1]).toMatchObject({ actorName: 'Cora', subjectName: '=Sam' });
    expect(exported[1]?.detail).toMatch(/^csv: 2 entries; person /);
    // The CSV's detail column is in words of its language, the person filtered on by name.
    const words = await ws(f.app, 'GET', '/api/audit.csv?action=audit_export', {
      cookie: c.cookie,
    });
    expect(words.body).toContain('CSV met 2 regels; filter: person =Sam');
    expect(words.body).not.toContain('csv: 2 entries');
    const staff = await ws(f.app, 'GET', '/api/audit.csv', { cookie: s.cookie });
    expect(staff.statusCode).toBe(403);
  });
});
