-- Clients and their measurements, links to staff, staff judgements, the dashboard rollup and the retention period.

-- A person measured once or more. `code` is what staff type as the reference for a follow-up measurement.
-- reference_key and name_key are the normalised forms matching compares (src/core/matching.ts).
CREATE TABLE clients (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  reference text,
  reference_key text,
  first_name text,
  last_name text,
  name_key text,
  date_of_birth text,
  gender text,
  created_at timestamptz NOT NULL
);
CREATE INDEX clients_reference_key ON clients (reference_key);
CREATE INDEX clients_name_key ON clients (name_key, date_of_birth);

-- Set in the same transaction as the insert; NULL only for rows stored before this migration (assigned at start).
ALTER TABLE measurements ADD COLUMN client_id uuid REFERENCES clients (id);
CREATE INDEX measurements_client ON measurements (client_id, completed_at);
CREATE INDEX measurements_completed_at ON measurements (completed_at);
CREATE INDEX measurements_unassigned ON measurements (session_id) WHERE client_id IS NULL;

-- The one staff member a client is linked to.
CREATE TABLE client_links (
  client_id uuid PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
  staff_id uuid NOT NULL REFERENCES users (id),
  linked_at timestamptz NOT NULL
);
CREATE INDEX client_links_staff ON client_links (staff_id);

-- A staff member's judgement after the conversation, kept beside (never instead of) the measured scores.
CREATE TABLE judgements (
  id uuid PRIMARY KEY,
  measurement_id uuid NOT NULL REFERENCES measurements (session_id) ON DELETE CASCADE,
  staff_id uuid NOT NULL REFERENCES users (id),
  fit text NOT NULL CHECK (fit IN ('yes', 'partly', 'no')),
  client_fit text CHECK (client_fit IN ('yes', 'partly', 'no')),
  observed_posture text,
  note text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX judgements_measurement ON judgements (measurement_id);

-- Per day (Europe/Amsterdam, by completion), tablet and scale: what the dashboard sums. Scale '' counts the
-- measurements themselves. Kept in the same transaction as every insert and erasure of a measurement.
CREATE TABLE dashboard_daily (
  day date NOT NULL,
  device_id uuid NOT NULL,
  scale text NOT NULL,
  kind text NOT NULL,
  measurements integer NOT NULL,
  scored integer NOT NULL,
  total numeric NOT NULL,
  dominant integer NOT NULL,
  top integer NOT NULL,
  PRIMARY KEY (day, device_id, scale)
);

-- The agency's retention period in days (NULL: keep), one row.
CREATE TABLE retention_settings (
  id integer PRIMARY KEY CHECK (id = 1),
  days integer CHECK (days IS NULL OR days > 0),
  updated_at timestamptz NOT NULL
);
