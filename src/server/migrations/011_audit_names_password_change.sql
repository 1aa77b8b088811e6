-- A password a coordinator set (a new account or a reset) must be replaced by its owner before that session can do
-- anything else; the flag is cleared when the owner chooses their own.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- The account an audit entry is about (an account created or changed, a client linked to a staff member), so the
-- log can show that person's name instead of an id. Entries written before this column get it from their detail.
ALTER TABLE audit_log ADD COLUMN subject_user_id uuid;
UPDATE audit_log
SET subject_user_id = substring(detail FROM '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')::uuid
WHERE action IN ('user_create', 'user_update', 'link')
  AND detail ~ '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

-- The audit filters: by person and by action, newest first.
CREATE INDEX audit_log_actor_at ON audit_log (actor_id, at);
CREATE INDEX audit_log_action_at ON audit_log (action, at);
