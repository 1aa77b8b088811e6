-- The dashboard's "expected role" counted a measurement whose roles tie for the highest score as top for every tied
-- role, without saying so. From now on a role row's `top` counts only measurements where that role alone is highest,
-- and the count row (scale '') counts the ties, which the dashboard shows apart. This recomputes both from the
-- stored profiles (src/server/clients/rollup.ts keeps them so from here on).
UPDATE dashboard_rollup SET top = 0 WHERE kind IN ('role', '');

WITH m AS (
  SELECT device_id, (completed_at AT TIME ZONE 'Europe/Amsterdam')::date AS day,
         COALESCE(server_profile->'topRoles', '[]'::jsonb) AS top
  FROM measurements
), c AS (
  SELECT day, device_id, CASE WHEN jsonb_array_length(top) = 1 THEN top->>0 ELSE '' END AS scale
  FROM m WHERE jsonb_array_length(top) > 0
), g AS (
  SELECT 'day' AS grain, day AS start, device_id, scale FROM c
  UNION ALL
  SELECT 'month', date_trunc('month', day::timestamp)::date, device_id, scale FROM c
  UNION ALL
  SELECT 'week', date_trunc('week', day::timestamp)::date, device_id, scale FROM c WHERE scale = ''
), n AS (
  SELECT grain, start, device_id, scale, count(*)::int AS n FROM g GROUP BY grain, start, device_id, scale
)
UPDATE dashboard_rollup d SET top = n.n FROM n
WHERE d.grain = n.grain AND d.start = n.start AND d.device_id = n.device_id AND d.scale = n.scale;
