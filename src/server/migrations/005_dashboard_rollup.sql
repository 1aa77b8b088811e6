-- The dashboard read ~days × tablets × scales rows of dashboard_daily: over 100,000 measurements that is nearly one row
-- per measurement, over the 200 ms budget on PGlite. dashboard_rollup keeps the same sums per month as well, and the
-- measurement count per ISO week, so a long period reads whole months and only its edges per day
-- (src/server/clients/periods.ts). Filled from the measurements at the first start after this migration.
CREATE TABLE dashboard_rollup (
  grain text NOT NULL CHECK (grain IN ('day', 'week', 'month')),
  start date NOT NULL,
  device_id uuid NOT NULL,
  scale text NOT NULL,
  kind text NOT NULL,
  measurements integer NOT NULL,
  scored integer NOT NULL,
  total numeric NOT NULL,
  dominant integer NOT NULL,
  top integer NOT NULL,
  PRIMARY KEY (grain, start, device_id, scale)
);
DROP TABLE dashboard_daily;
