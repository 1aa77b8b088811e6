-- The agency's own recordings of client texts (an interpreter reading a string aloud), one per language and text key.
-- source_text is the exact wording that was recorded: when the locale's text changes, the recording is stale and the
-- tablets get the synthetic clip again until someone records the new wording. Not personal data.
CREATE TABLE recordings (
  lng text NOT NULL,
  key text NOT NULL,
  source_text text NOT NULL,
  mime text NOT NULL,
  audio bytea NOT NULL,
  sha256 text NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by text,
  PRIMARY KEY (lng, key)
);
