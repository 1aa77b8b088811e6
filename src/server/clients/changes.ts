/** The coordinator's corrections and links, and staff judgements: each one transaction, each returning what changed. */
import { randomUUID } from 'node:crypto';
import type { DetailValues } from '../../shared/core/details.ts';
import { pickAtRandom, suggestStaff, type Suggestion } from '../../shared/core/suggestion.ts';
import type { Fit, Judgement } from '../../shared/contract/workspaceApi.ts';
import type { Queryable } from '../db.ts';
import type { InstrumentRegistry } from '../instruments.ts';
import { clientFromRecord, insertClients } from './assign.ts';
import { refreshLatestAt } from './latest.ts';
import { JUDGEMENT, toJudgement } from './views.ts';

/** Links a client to an active staff member (or unlinks with null); false when the staff id is not one. */
export async function setLink(
  tx: Queryable,
  clientId: string,
  staffId: string | null,
  now: number,
): Promise<boolean> {
  // The client's row first, as ingest and merge take it before its link: the link's triggers write clients.staff_id
  // (migration 019), and taking the two in the other order could deadlock with a follow-up being stored.
  await tx.query('SELECT 1 FROM clients WHERE id = $1::uuid FOR UPDATE', [clientId]);
  if (staffId === null) {
    await tx.query('DELETE FROM client_links WHERE client_id = $1::uuid', [clientId]);
    return true;
  }
  const staff = await tx.query(
    `SELECT 1 FROM users WHERE id = $1::uuid AND role = 'staff' AND disabled_at IS NULL`,
    [staffId],
  );
  if (staff.rows.length === 0) return false;
  await tx.query(
    `INSERT INTO client_links (client_id, staff_id, linked_at) VALUES ($1::uuid, $2::uuid, $3)
     ON CONFLICT (client_id) DO UPDATE SET staff_id = EXCLUDED.staff_id, linked_at = EXCLUDED.linked_at`,
    [clientId, staffId, new Date(now).toISOString()],
  );
  return true;
}

interface StaffRow {
  id: string;
  name: string;
  postures: unknown;
  caseload: number;
  disabled: boolean;
}

/** Every staff member (not coordinators) with their postures and caseload (kept counts, migration 019), in id order. */
async function staffCandidates(db: Queryable) {
  const r = await db.query<StaffRow>(
    `SELECT u.id::text AS id, u.name, u.postures, u.disabled_at IS NOT NULL AS disabled,
       COALESCE((SELECT s.clients FROM staff_caseloads s WHERE s.staff_id = u.id), 0) AS caseload
     FROM users u WHERE u.role = 'staff' ORDER BY u.id`,
  );
  return r.rows.map((s) => ({
    id: s.id,
    name: s.name,
    postures: Array.isArray(s.postures)
      ? s.postures.filter((p): p is string => typeof p === 'string')
      : [],
    caseload: s.caseload,
    disabled: s.disabled,
  }));
}

/** Staff ranked for this client's latest dominant postures (src/shared/core/suggestion.ts). */
export async function suggestionsFor(db: Queryable, clientId: string): Promise<Suggestion[]> {
  const latest = await db.query<{ dominant: string[] }>(
    `SELECT server_profile->'dominant' AS dominant FROM measurements WHERE client_id = $1::uuid
     ORDER BY completed_at DESC, session_id DESC LIMIT 1`,
    [clientId],
  );
  return suggestStaff(latest.rows[0]?.dominant ?? [], await staffCandidates(db));
}

/** Links the client to a staff member chosen with `random` among active staff; the id, or null without staff. */
export async function linkAtRandom(
  tx: Queryable,
  clientId: string,
  random: () => number,
  now: number,
): Promise<string | null> {
  const active = (await staffCandidates(tx)).filter((s) => !s.disabled);
  const chosen = pickAtRandom(active, random);
  if (!chosen) return null;
  await setLink(tx, clientId, chosen.id, now);
  return chosen.id;
}

/** Moves every measurement (with its judgements) of `mergeId` to `keepId`, keeps a link, deletes `mergeId`. */
export async function mergeClients(tx: Queryable, keepId: string, mergeId: string): Promise<void> {
  await tx.query('UPDATE measurements SET client_id = $1::uuid WHERE client_id = $2::uuid', [
    keepId,
    mergeId,
  ]);
  // Details the kept client lacks are taken over, so later measurements still match either way.
  await tx.query(
    `UPDATE clients k SET reference = COALESCE(k.reference, g.reference),
       reference_key = COALESCE(k.reference_key, g.reference_key),
       first_name = COALESCE(k.first_name, g.first_name), last_name = COALESCE(k.last_name, g.last_name),
       name_key = COALESCE(k.name_key, g.name_key), date_of_birth = COALESCE(k.date_of_birth, g.date_of_birth),
       gender = COALESCE(k.gender, g.gender), document_name = COALESCE(k.document_name, g.document_name)
     FROM clients g WHERE k.id = $1::uuid AND g.id = $2::uuid`,
    [keepId, mergeId],
  );
  await tx.query(
    `INSERT INTO client_links (client_id, staff_id, linked_at)
     SELECT $1::uuid, staff_id, linked_at FROM client_links WHERE client_id = $2::uuid
     ON CONFLICT (client_id) DO NOTHING`,
    [keepId, mergeId],
  );
  await tx.query('DELETE FROM clients WHERE id = $1::uuid', [mergeId]);
  await refreshLatestAt(tx, [keepId]);
}

/** Why a split was refused. */
export type SplitFailure = 'not_found' | 'last_measurement';

/** Moves one measurement to a new client made from its own details; the new client's id. */
export async function splitMeasurement(
  tx: Queryable,
  measurementId: string,
  now: number,
): Promise<
  { ok: true; clientId: string; fromClientId: string } | { ok: false; error: SplitFailure }
> {
  const r = await tx.query<{
    client_id: string;
    reference: string | null;
    details: DetailValues;
    n: number;
  }>(
    `SELECT m.client_id::text AS client_id, m.reference, m.details,
       (SELECT count(*)::int FROM measurements x WHERE x.client_id = m.client_id) AS n
     FROM measurements m WHERE m.session_id = $1::uuid FOR UPDATE`,
    [measurementId],
  );
  const row = r.rows[0];
  if (!row) return { ok: false, error: 'not_found' };
  if (row.n < 2) return { ok: false, error: 'last_measurement' };
  const client = clientFromRecord({
    sessionId: measurementId,
    reference: row.reference,
    details: row.details,
  });
  await insertClients(tx, [client], now);
  await tx.query('UPDATE measurements SET client_id = $1::uuid WHERE session_id = $2::uuid', [
    client.id,
    measurementId,
  ]);
  await refreshLatestAt(tx, [client.id, row.client_id]);
  return { ok: true, clientId: client.id, fromClientId: row.client_id };
}

/** Why a judgement was refused (400). */
export type JudgementFailure = 'measurement' | 'posture';

/** Stores a judgement beside the scores of a measurement of this client. */
export async function addJudgement(
  tx: Queryable,
  instruments: InstrumentRegistry,
  input: {
    clientId: string;
    staffId: string;
    measurementId: string;
    fit: Fit;
    clientFit: Fit | null;
    observedPosture: string | null;
    note: string;
  },
  now: number,
): Promise<{ ok: true; judgement: Judgement } | { ok: false; error: JudgementFailure }> {
  const m = await tx.query<{ instrument_id: string; instrument_version: number }>(
    `SELECT instrument_id, instrument_version FROM measurements
     WHERE session_id = $1::uuid AND client_id = $2::uuid`,
    [input.measurementId, input.clientId],
  );
  const row = m.rows[0];
  if (!row) return { ok: false, error: 'measurement' };
  if (input.observedPosture !== null) {
    const instrument = await instruments.resolve(tx, row.instrument_id, row.instrument_version);
    const postures = (instrument?.scales ?? []).filter((s) => s.kind === 'posture');
    if (!postures.some((s) => s.id === input.observedPosture))
      return { ok: false, error: 'posture' };
  }
  const id = randomUUID();
  await tx.query(
    `INSERT INTO judgements (id, measurement_id, staff_id, fit, client_fit, observed_posture, note, at)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7, $8)`,
    [
      id,
      input.measurementId,
      input.staffId,
      input.fit,
      input.clientFit,
      input.observedPosture,
      input.note,
      new Date(now).toISOString(),
    ],
  );
  const j = await tx.query<Parameters<typeof toJudgement>[0]>(
    `${JUDGEMENT} WHERE j.id = $1::uuid`,
    [id],
  );
  const stored = j.rows[0];
  if (!stored) throw new Error('judgement not stored');
  return { ok: true, judgement: toJudgement(stored) };
}
