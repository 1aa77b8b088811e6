-- Issue 12: the name as written on the client's ID document, in Latin letters, asked beside a name in another script
-- (Arabic, Persian, Tigrinya, Ukrainian) so staff can read it and find the client by typing Latin letters.
ALTER TABLE clients ADD COLUMN document_name text;

-- The client search matches either name: search_text (migration 008) gets the document name. A generated column's
-- expression cannot be changed in place before PostgreSQL 17, so it is dropped (with its index) and added again.
DROP INDEX IF EXISTS clients_search;
ALTER TABLE clients DROP COLUMN search_text;
ALTER TABLE clients ADD COLUMN search_text text GENERATED ALWAYS AS (
  COALESCE(first_name || ' ', '') || COALESCE(last_name || ' ', '') || COALESCE(document_name || ' ', '') || code
    || COALESCE(' ' || reference, '')
) STORED;

-- The trigram index again, where pg_trgm is installed (see migration 008).
DO $$
DECLARE s text;
BEGIN
  SELECT n.nspname INTO s FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
  WHERE e.extname = 'pg_trgm';
  IF s IS NOT NULL THEN
    EXECUTE format('CREATE INDEX clients_search ON clients USING gin (search_text %I.gin_trgm_ops)', s);
  END IF;
END $$;
