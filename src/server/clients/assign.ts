/** Gives every stored measurement its client (src/shared/core/matching.ts), creating clients as needed, in the caller's transaction. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { DetailValues } from '../../shared/core/details.ts';
import {
  clientCodeFrom,
  clientCodeOf,
  matchClient,
  nameKey,
  referenceKey,
  type ClientKeys,
} from '../../shared/core/matching.ts';
import type { Queryable } from '../db.ts';
import { refreshLatestAt } from './latest.ts';

/** What matching needs of a measurement just stored. */
export interface Incoming {
  readonly sessionId: string;
  readonly reference: string | null;
  readonly details: DetailValues;
}

/** A client about to be inserted, with its keys normalised. */
export interface NewClient {
  id: string;
  code: string;
  reference: string | null;
  referenceKey: string | null;
  firstName: string | null;
  lastName: string | null;
  nameKey: string | null;
  dateOfBirth: string | null;
  gender: string | null;
  documentName: string | null;
}

/** A fresh random client code (40 bits). */
export const newClientCode = (): string => clientCodeFrom([...randomBytes(8)]);

const blank = (s: string | undefined): string | null => {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
};

/** The new client a measurement starts (its details as collected). */
export function clientFromRecord(m: Incoming): NewClient {
  return {
    id: randomUUID(),
    code: newClientCode(),
    reference: blank(m.reference ?? undefined),
    referenceKey: referenceKey(m.reference),
    firstName: blank(m.details.firstName),
    lastName: blank(m.details.lastName),
    nameKey: nameKey(m.details.firstName, m.details.lastName),
    dateOfBirth: blank(m.details.dateOfBirth),
    gender: blank(m.details.gender),
    documentName: blank(m.details.documentName),
  };
}

/** Inserts clients; a code already taken (1 in 10^12) is drawn again until every client is stored. */
export async function insertClients(
  tx: Queryable,
  clients: readonly NewClient[],
  now: number,
): Promise<void> {
  let pending = [...clients];
  const at = new Date(now).toISOString();
  while (pending.length > 0) {
    const r = await tx.query<{ id: string }>(
      `INSERT INTO clients (id, code, reference, reference_key, first_name, last_name, name_key, date_of_birth,
         gender, document_name, created_at)
       SELECT (x->>'id')::uuid, x->>'code', x->>'reference', x->>'referenceKey', x->>'firstName', x->>'lastName',
         x->>'nameKey', x->>'dateOfBirth', x->>'gender', x->>'documentName', $2
       FROM jsonb_array_elements($1::jsonb) x
       ON CONFLICT (code) DO NOTHING RETURNING id::text AS id`,
      [JSON.stringify(pending), at],
    );
    const done = new Set(r.rows.map((x) => x.id));
    pending = pending.filter((c) => !done.has(c.id)).map((c) => ({ ...c, code: newClientCode() }));
  }
}

/** The normalised keys a batch of measurements can match on, as array parameters for {@link CANDIDATES_SQL}. */
export function candidateParams(incoming: readonly Incoming[]): [string[], string[], string[]] {
  const codes = incoming.map((m) => clientCodeOf(m.reference)).filter((c) => c !== null);
  const refs = incoming.map((m) => referenceKey(m.reference)).filter((r) => r !== null);
  const names = incoming
    .map((m) => nameKey(m.details.firstName, m.details.lastName))
    .filter((r) => r !== null);
  return [codes, refs, names];
}

/**
 * The clients any of these keys could match ($n: codes, $n+1: reference keys, $n+2: name keys, text arrays). Only
 * narrows the candidates; matchClient decides. A UNION, so each arm uses its own index (an OR of IN lists scans); an
 * array, not a jsonb list, so the planner knows how many keys there are (it guessed 100 for a jsonb list, and on a
 * young table that made it read every client).
 */
export const CANDIDATES_SQL = (n: number): string => `
SELECT id::text AS id, code, reference_key, name_key, date_of_birth, created_at FROM clients
WHERE code = ANY($${n}::text[])
UNION
SELECT id::text, code, reference_key, name_key, date_of_birth, created_at FROM clients
WHERE reference_key = ANY($${n + 1}::text[])
UNION
SELECT id::text, code, reference_key, name_key, date_of_birth, created_at FROM clients
WHERE name_key = ANY($${n + 2}::text[])`;

/** A candidate row as {@link CANDIDATES_SQL} returns it (also through JSON). */
export interface CandidateRow {
  id: string;
  code: string;
  reference_key: string | null;
  name_key: string | null;
  date_of_birth: string | null;
  created_at: Date | string;
}

/** Candidate rows as matching sees them. */
export const toClientKeys = (rows: readonly CandidateRow[]): ClientKeys[] =>
  rows.map((r) => ({
    id: r.id,
    code: r.code,
    referenceKey: r.reference_key,
    nameKey: r.name_key,
    dateOfBirth: r.date_of_birth,
    createdAt: new Date(r.created_at).getTime(),
  }));

/**
 * The keys two measurements of one person would share (reference; name with date of birth): ingest holds a
 * transaction-scoped lock on each, so two tablets sending the same person at once create one client, not two.
 */
export function personKeys(m: Incoming): string[] {
  const keys: string[] = [];
  const ref = referenceKey(m.reference);
  if (ref !== null) keys.push(`r:${ref}`);
  const name = nameKey(m.details.firstName, m.details.lastName);
  const dob = (m.details.dateOfBirth ?? '').trim();
  if (name !== null && dob !== '') keys.push(`n:${name}|${dob}`);
  return keys;
}

/** Which client each measurement belongs to (earlier ones in the list count for later ones) and the clients to create. */
export function planClients(
  incoming: readonly Incoming[],
  candidates: ClientKeys[],
  now: number,
): { pairs: { s: string; c: string }[]; created: NewClient[] } {
  const created: NewClient[] = [];
  const pairs: { s: string; c: string }[] = [];
  for (const m of incoming) {
    const hit = matchClient(
      {
        reference: m.reference,
        firstName: m.details.firstName,
        lastName: m.details.lastName,
        dateOfBirth: m.details.dateOfBirth,
      },
      candidates,
    );
    if (hit) {
      pairs.push({ s: m.sessionId, c: hit.clientId });
      continue;
    }
    const c = clientFromRecord(m);
    created.push(c);
    candidates.push({ ...c, createdAt: now });
    pairs.push({ s: m.sessionId, c: c.id });
  }
  return { pairs, created };
}

/** Matches measurements already stored without a client (older data, at start) and stores client_id and latest_at. */
export async function assignClients(
  tx: Queryable,
  incoming: readonly Incoming[],
  now: number,
): Promise<void> {
  if (incoming.length === 0) return;
  const found = await tx.query<CandidateRow>(CANDIDATES_SQL(1), candidateParams(incoming));
  const { pairs, created } = planClients(incoming, toClientKeys(found.rows), now);
  if (created.length > 0) await insertClients(tx, created, now);
  await tx.query(
    `UPDATE measurements m SET client_id = (x->>'c')::uuid
     FROM jsonb_array_elements($1::jsonb) x WHERE m.session_id = (x->>'s')::uuid`,
    [JSON.stringify(pairs)],
  );
  await refreshLatestAt(tx, [...new Set(pairs.map((p) => p.c))]);
}
