-- Devices, enrollment codes, server keys, agency settings, measurements and erasure tombstones.

CREATE TABLE agency_settings (
  id integer PRIMARY KEY CHECK (id = 1),
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);

-- One-time codes an administrator prints; only the SHA-256 of the code is kept.
CREATE TABLE enroll_codes (
  code_hash text PRIMARY KEY,
  device_name text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  device_id uuid
);

-- Tablets; only the SHA-256 of the bearer token is kept.
CREATE TABLE devices (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  enrolled_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_seen_at timestamptz
);

-- ECDH P-256 keys records are sealed to; old keys stay to decrypt what tablets sealed before a rotation.
CREATE TABLE server_keys (
  key_id text PRIMARY KEY,
  private_jwk jsonb NOT NULL,
  public_jwk jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  active boolean NOT NULL
);
CREATE UNIQUE INDEX server_keys_one_active ON server_keys (active) WHERE active;

-- One completed questionnaire. body_hash is the SHA-256 of the canonical decrypted record (duplicate detection).
CREATE TABLE measurements (
  session_id uuid PRIMARY KEY,
  device_id uuid NOT NULL REFERENCES devices (id),
  instrument_id text NOT NULL,
  instrument_version integer NOT NULL,
  language text NOT NULL,
  reference text,
  details jsonb NOT NULL,
  answers jsonb NOT NULL,
  answered_at jsonb NOT NULL,
  client_profile jsonb NOT NULL,
  server_profile jsonb NOT NULL,
  score_mismatch boolean NOT NULL,
  body_hash text NOT NULL,
  started_at timestamptz NOT NULL,
  consent_at timestamptz,
  completed_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX measurements_received_at ON measurements (received_at);

-- Sessions erased on request; a tablet that sends one again is told 410 and must drop it.
CREATE TABLE tombstones (
  session_id uuid PRIMARY KEY,
  erased_at timestamptz NOT NULL
);
