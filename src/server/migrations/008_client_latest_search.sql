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

-- A staff member's list pages by the same order through their links: each link carries its client's latest_at and
-- created_at (set by triggers, so every path that links a client or changes latest_at keeps them), and one index per
-- staff member walks them newest first. Without it, "my clients" reads and sorts the whole caseload.
ALTER TABLE client_links ADD COLUMN latest_at timestamptz, ADD COLUMN client_created_at timestamptz;
UPDATE client_links l SET latest_at = c.latest_at, client_created_at = c.created_at FROM clients c WHERE c.id = l.client_id;
CREATE INDEX client_links_staff_latest
  ON client_links (staff_id, latest_at DESC NULLS LAST, client_created_at DESC, client_id);

CREATE FUNCTION client_links_copy_latest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.latest_at, c.created_at INTO NEW.latest_at, NEW.client_created_at FROM clients c WHERE c.id = NEW.client_id;
  RETURN NEW;
END $$;
CREATE TRIGGER client_links_copy_latest BEFORE INSERT OR UPDATE OF client_id ON client_links
  FOR EACH ROW EXECUTE FUNCTION client_links_copy_latest();

CREATE FUNCTION clients_push_latest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE client_links SET latest_at = NEW.latest_at WHERE client_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER clients_push_latest AFTER UPDATE OF latest_at ON clients
  FOR EACH ROW WHEN (OLD.latest_at IS DISTINCT FROM NEW.latest_at) EXECUTE FUNCTION clients_push_latest();

-- The measurement list filtered by tablet, newest first.
CREATE INDEX measurements_device_completed ON measurements (device_id, completed_at);
