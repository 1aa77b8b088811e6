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

-- The staff member a client is linked to, on the client too (client_links stays the record of the link): the list
-- reads it with the row instead of looking up 1,000 links.
ALTER TABLE clients ADD COLUMN staff_id uuid;
UPDATE clients c SET staff_id = l.staff_id FROM client_links l WHERE l.client_id = c.id;

-- Clients linked per staff member, for the account list and link suggestions, instead of counting every link at
-- each request.
CREATE TABLE staff_caseloads (
  staff_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  clients integer NOT NULL
);
INSERT INTO staff_caseloads (staff_id, clients)
SELECT staff_id, count(*)::int FROM client_links GROUP BY staff_id;

-- Both are kept by statement triggers on client_links, set-based (erasing every link at the end of a study is one
-- statement): -1 for every old row and +1 for every new one, summed per staff member (an update that keeps the staff
-- member, such as ingest moving a link's latest_at, nets to nothing and writes nothing), and clients.staff_id set
-- again for the clients whose link changed. Rows are written in key order, so concurrent changes do not deadlock.
CREATE FUNCTION client_links_changed(old_rows jsonb, new_rows jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO staff_caseloads AS s (staff_id, clients)
  SELECT staff_id, sum(delta)::int FROM (
    SELECT (x->>'staff_id')::uuid AS staff_id, -1 AS delta FROM jsonb_array_elements(old_rows) x
    UNION ALL
    SELECT (x->>'staff_id')::uuid, 1 FROM jsonb_array_elements(new_rows) x
  ) d
  GROUP BY staff_id HAVING sum(delta) <> 0 ORDER BY staff_id
  ON CONFLICT (staff_id) DO UPDATE SET clients = s.clients + EXCLUDED.clients;
  UPDATE clients c SET staff_id = l.staff_id
  FROM (
    SELECT k.id, (SELECT cl.staff_id FROM client_links cl WHERE cl.client_id = k.id) AS staff_id
    FROM (SELECT DISTINCT (x->>'client_id')::uuid AS id
          FROM jsonb_array_elements(old_rows || new_rows) x) k
  ) l
  WHERE c.id = l.id AND c.staff_id IS DISTINCT FROM l.staff_id;
END $$;

CREATE FUNCTION client_links_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM client_links_changed('[]',
    (SELECT COALESCE(jsonb_agg(jsonb_build_object('staff_id', staff_id, 'client_id', client_id)), '[]')
     FROM new_links));
  RETURN NULL;
END $$;
CREATE TRIGGER client_links_count_insert AFTER INSERT ON client_links
  REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION client_links_count_insert();

CREATE FUNCTION client_links_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM client_links_changed(
    (SELECT COALESCE(jsonb_agg(jsonb_build_object('staff_id', staff_id, 'client_id', client_id)), '[]')
     FROM old_links), '[]');
  RETURN NULL;
END $$;
CREATE TRIGGER client_links_count_delete AFTER DELETE ON client_links
  REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION client_links_count_delete();

-- Ingest updates links' latest_at all the time: only rows whose staff member or client changed are passed on.
CREATE FUNCTION client_links_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM client_links_changed(
    (SELECT COALESCE(jsonb_agg(jsonb_build_object('staff_id', o.staff_id, 'client_id', o.client_id)), '[]')
     FROM old_links o WHERE NOT EXISTS (
       SELECT 1 FROM new_links n WHERE n.client_id = o.client_id AND n.staff_id = o.staff_id)),
    (SELECT COALESCE(jsonb_agg(jsonb_build_object('staff_id', n.staff_id, 'client_id', n.client_id)), '[]')
     FROM new_links n WHERE NOT EXISTS (
       SELECT 1 FROM old_links o WHERE o.client_id = n.client_id AND o.staff_id = n.staff_id)));
  RETURN NULL;
END $$;
CREATE TRIGGER client_links_count_update AFTER UPDATE ON client_links
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT
  EXECUTE FUNCTION client_links_count_update();
