// The audit log's detail reads in Dutch and English: every line shape the server writes has readable parts, each
// with a text in both locales; a line no rule knows stays as written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditDetailParts } from '../../src/shared/contract/auditDetail.ts';

const ID = '0f8e2a4c-1b2d-4e6f-8a9b-0c1d2e3f4a5b';
/** One example of every detail the server writes (src/server/**), by action. */
const LINES: [string, string][] = [
  ['user_create', `staff account ${ID}`],
  ['user_update', `account ${ID}: role=coordinator, disabled=true, password, postures, name`],
  ['user_update', `account ${ID}: disabled=false`],
  ['setup', 'first coordinator created with the setup code'],
  ['sign_in_failed', 'wrong password'],
  ['sign_in_failed', 'account disabled'],
  ['sign_out_everywhere', '3 session(s) ended'],
  [
    'password_change',
    'own password chosen in place of the one a coordinator set; other sessions ended',
  ],
  ['password_change', 'own password changed; other sessions ended'],
  ['recording_save', 'ar welcome.title (audio/webm, 20480 bytes)'],
  ['recording_delete', 'ar welcome.title'],
  ['recordings_erase', 'ti: 4 recordings erased'],
  ['key_destroy', `server key ${ID}`],
  ['device_revoke', `device ${ID}`],
  ['enroll_code', 'code for tablet "Tablet 2"'],
  [
    'language_import',
    'pl version 3 imported from XLIFF: 12 texts changed (12 strings back to draft)',
  ],
  ['string_review', 'ar: 2 strings marked approved (item.q1, item.q2)'],
  ['string_review', 'ar: 1 string marked reviewed (item.q1)'],
  ['language_review', 'tr marked checked'],
  ['audit_export', `csv: 40 entries; action password_change, 2026-01-01 to …, person ${ID}`],
  ['audit_export', 'csv: 40 entries'],
  ['export', 'csv: 12 measurements, … to 2026-03-01'],
  ['export', 'json: 12 measurements, 2026-01-01 to …'],
  ['judgement', 'fit partly'],
  ['link', 'unlinked'],
  ['link', `staff ${ID}`],
  ['link', `random: staff ${ID}`],
  ['merge', `merged client ${ID}`],
  ['split', `from client ${ID}`],
  ['erase_retention', '5 measurements past the retention period'],
  ['erase_all', '17 measurements'],
  ['retention', 'keep'],
  ['retention', '730 days'],
  ['refused', 'GET /api/clients/:id'],
  ['settings_change', 'consentText changed; scoring.dominantThreshold 62 → 70'],
  ['settings_change', 'agency settings saved without changes'],
];

const words = (lng: string) =>
  (
    JSON.parse(readFileSync(`locales/${lng}/workspace.json`, 'utf8')) as {
      audit: { detail_parts: Record<string, string> };
    }
  ).audit.detail_parts;

describe('auditDetailParts', () => {
  it('reads every detail the server writes into parts that have Dutch and English words', () => {
    const nl = words('nl');
    const en = words('en');
    for (const [action, line] of LINES) {
      const parts = auditDetailParts(action, line);
      expect(parts.length, `${action}: ${line}`).toBeGreaterThan(0);
      for (const p of parts) {
        expect(nl[p.key], `nl ${p.key}`).toBeTruthy();
        expect(en[p.key], `en ${p.key}`).toBeTruthy();
        // Every {{value}} the text uses is there (name, account, language and words come from the screen).
        for (const [, v] of (nl[p.key] ?? '').matchAll(/\{\{(\w+)\}\}/g))
          if (!['name', 'account', 'language', 'role', 'status', 'fit'].includes(v ?? ''))
            expect(p.values[v ?? ''], `${p.key}: ${v}`).toBeDefined();
      }
    }
  });

  it('keeps the values: a settings change per field, an account change per field', () => {
    expect(auditDetailParts('settings_change', 'scoring.dominantThreshold 62 → 70')).toEqual([
      {
        key: 'setting_value',
        values: { field: 'scoring.dominantThreshold', before: '62', after: '70' },
      },
    ]);
    expect(auditDetailParts('user_update', `account ${ID}: password`).map((p) => p.key)).toEqual([
      'field_password',
    ]);
  });

  it('has no parts for an empty detail or a line it does not know', () => {
    expect(auditDetailParts('view_profile', '')).toEqual([]);
    expect(auditDetailParts('export', 'something new from a newer server')).toEqual([]);
    expect(auditDetailParts('user_update', `account ${ID}: colour`)).toEqual([]);
    expect(auditDetailParts('made_up', 'x')).toEqual([]);
  });
});
