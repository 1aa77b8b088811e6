-- Questionnaire versions a coordinator loaded in the workspace (Beheer → Vragenlijst), beside the ones shipped as files
-- in src/shared/instruments. definition is the instrument JSON as checked (the same format as the files); translations
-- holds its texts per client language ({"en": {"items.A1": "…"}, …}). Rows are never changed: a revision is a new
-- version, and every stored measurement keeps the version it was answered in (measurements.instrument_version).
-- Every server instance reads this table, so a version loaded through one instance is known to all of them.
CREATE TABLE instrument_versions (
  instrument_id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  definition jsonb NOT NULL,
  translations jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text,
  PRIMARY KEY (instrument_id, version)
);

-- Which versions the measurements of a period were answered in (the dashboard compares only scales all of them share)
-- and how many measurements each version has (the versions list): probes and index-only counts instead of scans.
CREATE INDEX measurements_instrument_completed
  ON measurements (instrument_id, instrument_version, completed_at);
