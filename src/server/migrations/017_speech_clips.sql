-- Read-aloud clips the server rendered after the build: texts a coordinator changed (a new questionnaire version, an
-- imported translation) that the build's audio packs do not speak. One row per rendering, named by its content
-- (render_key: the SHA-256 of render version, eSpeak voice and text, as the build's cache names it), so tablets fetch
-- each once and it never changes. In the database, like the agency's recordings, so every server instance serves
-- every clip. audio is NULL while an instance is rendering it (claimed_at: when it started; an old claim is retaken).
-- Not personal data: client-facing texts only.
CREATE TABLE speech_clips (
  render_key text PRIMARY KEY,
  voice text NOT NULL,
  text text NOT NULL,
  audio bytea,
  claimed_at timestamptz NOT NULL,
  rendered_at timestamptz
);
