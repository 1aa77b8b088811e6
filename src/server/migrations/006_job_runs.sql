-- Background jobs claimed across server instances: one row per job, the last start and how many runs so far.
-- An instance runs a job only when its claim (one UPDATE on this row) succeeds, so N instances run it once per period.
CREATE TABLE job_runs (
  job text PRIMARY KEY,
  started_at timestamptz NOT NULL,
  runs bigint NOT NULL DEFAULT 0
);
