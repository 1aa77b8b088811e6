-- Every save of the agency settings, numbered. Tablets get the number with their config and put it in each completed
-- record, so the server scores a record with the threshold the tablet used, even after the office changed it.
CREATE TABLE agency_settings_versions (
  version integer PRIMARY KEY CHECK (version >= 1),
  value jsonb NOT NULL,
  saved_at timestamptz NOT NULL,
  saved_by text
);

-- The current row carries its version; an upsert bumps it under the row lock, so concurrent saves never share one.
ALTER TABLE agency_settings ADD COLUMN version integer NOT NULL DEFAULT 1;

-- Settings saved before this migration become version 1.
INSERT INTO agency_settings_versions (version, value, saved_at)
SELECT 1, value, updated_at FROM agency_settings WHERE id = 1;
