-- Issue 15: lists that stay flat as data grows.
-- clients.latest_at is the completion time of the client's newest measurement (NULL without one), kept current by
-- ingest, merge, split and erasure (src/server/clients/latest.ts), so "the 1,000 newest clients" and a staff
-- member's list read an index instead of computing the latest measurement of every client.
ALTER TABLE clients ADD COLUMN latest_at timestamptz;
UPDATE clients c SET latest_at = m.latest
FROM (SELECT client_id, max(completed_at) AS latest FROM measurements WHERE client_id IS NOT NULL GROUP BY client_id) m
WHERE m.client_id = c.id;
CREATE INDEX clients_latest ON clients (latest_at DESC NULLS LAST, created_at DESC, id);

-- What the client search matches, as concat_ws(' ', first_name, last_name, code, reference) did (concat_ws itself is
-- not immutable, so it cannot be indexed).
ALTER TABLE clients ADD COLUMN search_text text GENERATED ALWAYS AS (
  COALESCE(first_name || ' ', '') || COALESCE(last_name || ' ', '') || code || COALESCE(' ' || reference, '')
) STORED;

-- A trigram index answers ILIKE '%…%' without reading every client. pg_trgm ships with PostgreSQL (contrib, trusted
-- since 13) and with PGlite (loaded in dbPglite.ts). It goes into the public schema, and the operator class is named
-- by the schema it actually lives in, so a search_path without public still finds it. Where the extension cannot be
-- created (no contrib package, no CREATE privilege) search still works, only without the index.
DO $$
DECLARE s text;
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm not available (%): client search runs without a trigram index', SQLERRM;
  END;
  SELECT n.nspname INTO s FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
  WHERE e.extname = 'pg_trgm';
  IF s IS NOT NULL THEN
    EXECUTE format('CREATE INDEX clients_search ON clients USING gin (search_text %I.gin_trgm_ops)', s);
  END IF;
END $$;
