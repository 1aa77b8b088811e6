-- Private sealing keys are stored wrapped with the operator's key-encryption key (the server rewrites plain ones at
-- start); a retired key can be destroyed (private part gone, row kept so records name a known key id).
ALTER TABLE server_keys ALTER COLUMN private_jwk DROP NOT NULL;
ALTER TABLE server_keys ADD COLUMN retired_at timestamptz;
ALTER TABLE server_keys ADD COLUMN destroyed_at timestamptz;
UPDATE server_keys k SET retired_at = (
  SELECT min(n.created_at) FROM server_keys n WHERE n.created_at > k.created_at
) WHERE NOT k.active;
