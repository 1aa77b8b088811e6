-- Issue 15: client lists and the account list that cost the same at a million measurements.
-- What a client's list row shows of its measurements (how many, and the newest: id, language, dominant postures)
-- lives on the client, kept current beside latest_at by ingest, merge, split and erasure (src/server/clients/latest.ts,
-- src/server/ingestStore.ts). The list then reads 1,000 client rows instead of 1,000 measurements (a 4 kB row each,
-- scattered over a table that outgrows memory) plus a count per client.
-- "Newest" is the same order the list used before: completed_at, then session_id, both descending.
ALTER TABLE clients
  ADD COLUMN measurement_count integer NOT NULL DEFAULT 0,
  ADD COLUMN latest_id uuid,
  ADD COLUMN latest_language text,
  ADD COLUMN latest_dominant jsonb;

UPDATE clients c
SET measurement_count = s.n, latest_id = s.session_id, latest_language = s.language, latest_dominant = s.dominant
FROM (
  SELECT DISTINCT ON (client_id) client_id, session_id, language, server_profile->'dominant' AS dominant,
    count(*) OVER (PARTITION BY client_id)::int AS n
  FROM measurements WHERE client_id IS NOT NULL
  ORDER BY client_id, completed_at DESC, session_id DESC
) s
WHERE s.client_id = c.id;

-- Clients linked per staff member, for the account list: kept by statement triggers on client_links (set-based, so
-- erasing every link at the end of a study is one statement), instead of counting every link at each request.
CREATE TABLE staff_caseloads (
  staff_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  clients integer NOT NULL
);
INSERT INTO staff_caseloads (staff_id, clients)
SELECT staff_id, count(*)::int FROM client_links GROUP BY staff_id;

-- Adds each staff member's net change (rows of (staff_id, delta)) in one upsert, in key order (no deadlocks).
CREATE FUNCTION staff_caseloads_add(changes jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO staff_caseloads AS s (staff_id, clients)
  SELECT (x->>'staff_id')::uuid, sum((x->>'delta')::int)::int FROM jsonb_array_elements(changes) x
  GROUP BY 1 HAVING sum((x->>'delta')::int) <> 0 ORDER BY 1
  ON CONFLICT (staff_id) DO UPDATE SET clients = s.clients + EXCLUDED.clients;
END $$;

CREATE FUNCTION client_links_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM staff_caseloads_add((SELECT COALESCE(jsonb_agg(jsonb_build_object('staff_id', staff_id, 'delta', 1)), '[]')
    FROM new_links));
  RETURN NULL;
END $$;
CREATE TRIGGER client_links_count_insert AFTER INSERT ON client_links
  REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION client_links_count_insert();

CREATE FUNCTION client_links_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM staff_caseloads_add((SELECT COALESCE(jsonb_agg(jsonb_build_object('staff_id', staff_id, 'delta', -1)), '[]')
    FROM old_links));
  RETURN NULL;
END $$;
CREATE TRIGGER client_links_count_delete AFTER DELETE ON client_links
  REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION client_links_count_delete();

-- An update counts -1 for every old row and +1 for every new one; only a changed staff member leaves a net change
-- (ingest updates links' latest_at all the time: nothing is written then).
CREATE FUNCTION client_links_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM staff_caseloads_add((
    SELECT COALESCE(jsonb_agg(x), '[]') FROM (
      SELECT jsonb_build_object('staff_id', staff_id, 'delta', -1) AS x FROM old_links
      UNION ALL
      SELECT jsonb_build_object('staff_id', staff_id, 'delta', 1) FROM new_links
    ) d));
  RETURN NULL;
END $$;
CREATE TRIGGER client_links_count_update AFTER UPDATE ON client_links
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT
  EXECUTE FUNCTION client_links_count_update();
