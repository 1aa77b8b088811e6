/**
 * Every action the audit log records, once: the server writes only these codes, the audit filter accepts only these,
 * and the workspace shows each with a readable name (`audit.actions.<code>` in locales/nl and locales/en).
 */
export const AUDIT_ACTIONS = [
  'view_profile',
  'view_answers',
  'judgement',
  'link',
  'merge',
  'split',
  'erase_client',
  'erase_all',
  'erase_retention',
  'retention',
  'export',
  'audit_export',
  'settings_change',
  'language_review',
  'language_import',
  'string_review',
  'instrument_version',
  'instrument_current',
  'recording_save',
  'recording_delete',
  'recordings_erase',
  'user_create',
  'user_update',
  'setup',
  'sign_in',
  'sign_in_failed',
  'sign_out_everywhere',
  'password_change',
  'device_revoke',
  'enroll_code',
  'key_destroy',
  'refused',
] as const;

/** One audit action code. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
