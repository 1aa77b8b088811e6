-- Translations the agency imported (XLIFF from a translator), one row per version of a language; the texts built into
-- the app are version 0 and have no row. Each version holds the complete texts, so any version can be read back.
CREATE TABLE language_versions (
  code text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  texts jsonb NOT NULL,
  changed integer NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid,
  PRIMARY KEY (code, version)
);

-- The review status of each translated string (draft → reviewed → approved), who set it and when; without a row a
-- string is a draft. An imported version that changes a string's text puts it back to draft.
CREATE TABLE string_reviews (
  code text NOT NULL,
  string_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'reviewed', 'approved')),
  updated_at timestamptz NOT NULL,
  updated_by uuid,
  PRIMARY KEY (code, string_id)
);
