-- Which questionnaire version tablets give new clients, when a coordinator chose one (Beheer → Vragenlijst, "Maak deze
-- versie actueel"). Without a row the newest version is current, as before. Storing a new version makes it current
-- (the row moves to it); choosing an older version again writes that version here. One row per instrument; every
-- server instance reads it on its next configuration answer, so tablets of every instance follow between clients.
CREATE TABLE instrument_current (
  instrument_id text PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  set_at timestamptz NOT NULL,
  set_by text
);
