-- Workspace accounts (coordinators and staff), web sessions, sign-in throttling, the first-start setup code,
-- the audit log, what tablets report about themselves, and the review status of each language.

CREATE TABLE users (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  username text NOT NULL,
  role text NOT NULL CHECK (role IN ('coordinator', 'staff')),
  -- scrypt, salted: "scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>"
  password_hash text NOT NULL,
  -- Posture scale ids this staff member works well with.
  postures jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL,
  disabled_at timestamptz
);
CREATE UNIQUE INDEX users_username_ci ON users (lower(username));

-- Browser sessions; only the SHA-256 of the cookie token is kept. Idle and absolute expiry are checked on use.
CREATE TABLE web_sessions (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);
CREATE INDEX web_sessions_user ON web_sessions (user_id);

-- Failed sign-ins per key ('user:<lowercase username>' or 'ip:<address>'); a growing lock after repeated failures.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  locked_until timestamptz
);

-- The one-time code that creates the first coordinator; only its SHA-256 is kept.
CREATE TABLE setup_codes (
  code_hash text PRIMARY KEY,
  created_at timestamptz NOT NULL,
  used_at timestamptz
);

-- Who did what, when. client_id has no foreign key on purpose: entries outlive an erased client, and hold no
-- personal data (no names, no answers) so that keeping them is allowed.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_name text NOT NULL,
  action text NOT NULL,
  client_id uuid,
  detail text NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_client_at ON audit_log (client_id, at);

-- The latest DeviceStatusReport of each tablet (queued and rejected counts, storage, app version).
CREATE TABLE device_status (
  device_id uuid PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
  report jsonb NOT NULL,
  reported_at timestamptz NOT NULL
);

-- A coordinator's verdict on a translation; without a row the status in locales/<code>/meta.json holds.
CREATE TABLE language_reviews (
  code text PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('draft', 'checked')),
  note text NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by uuid
);
