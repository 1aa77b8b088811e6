/**
 * The audit log's detail column as parts with a text key and values, read from the English line the server writes
 * (old lines included), so the workspace can show it in Dutch or English like the action names. A line no rule
 * knows (a newer server) has no parts and is shown as written.
 */

/** One readable piece of a detail: `audit.detail_parts.<key>` with its values. */
export interface AuditDetailPart {
  readonly key: string;
  readonly values: Readonly<Record<string, string>>;
}

type Rule = readonly [RegExp, string];

const LNG = '(?<lng>[a-z]{2,3})';
const ID = '(?<id>[0-9a-fA-F-]{36})';

/** Per action: the shapes its detail has (src/server/**: every writeAudit and audit call). */
const RULES: Readonly<Record<string, readonly Rule[]>> = {
  user_create: [[new RegExp(`^(?<role>staff|coordinator) account ${ID}$`), 'account_created']],
  setup: [[/^first coordinator created with the setup code$/, 'setup']],
  sign_in_failed: [
    [/^wrong password$/, 'wrong_password'],
    [/^account disabled$/, 'account_disabled'],
  ],
  sign_out_everywhere: [[/^(?<n>\d+) session\(s\) ended$/, 'sessions_ended']],
  password_change: [
    [
      /^own password chosen in place of the one a coordinator set; other sessions ended$/,
      'own_password_first',
    ],
    [/^own password changed; other sessions ended$/, 'own_password'],
  ],
  recording_save: [
    [
      new RegExp(`^${LNG} (?<text>\\S+) \\((?<mime>[^,]+), (?<bytes>\\d+) bytes\\)$`),
      'recording_saved',
    ],
  ],
  recording_delete: [[new RegExp(`^${LNG} (?<text>\\S+)$`), 'recording_deleted']],
  recordings_erase: [[new RegExp(`^${LNG}: (?<n>\\d+) recordings erased$`), 'recordings_erased']],
  key_destroy: [[new RegExp(`^server key (?<short>\\S{8})\\S*$`), 'server_key']],
  device_revoke: [[new RegExp(`^device (?<short>\\S{8})\\S*$`), 'device']],
  enroll_code: [[/^code for tablet "(?<name>.*)"$/, 'enroll_code']],
  language_import: [
    [
      new RegExp(
        `^${LNG} version (?<version>\\d+) imported from XLIFF: (?<n>\\d+) texts changed \\((?<m>\\d+) strings back to draft\\)$`,
      ),
      'language_import',
    ],
  ],
  string_review: [
    [
      new RegExp(`^${LNG}: (?<n>\\d+) strings? marked (?<status>\\w+) \\((?<ids>.*)\\)$`),
      'strings_marked',
    ],
  ],
  language_review: [[new RegExp(`^${LNG} marked (?<status>\\w+)$`), 'language_marked']],
  audit_export: [
    [/^csv: (?<n>\d+) entries$/, 'audit_export'],
    [/^csv: (?<n>\d+) entries; (?<filters>.+)$/, 'audit_export_filtered'],
  ],
  export: [[/^(?<format>csv|json): (?<n>\d+) measurements, (?<from>\S+) to (?<to>\S+)$/, 'export']],
  judgement: [[/^fit (?<fit>yes|partly|no)$/, 'judgement']],
  link: [
    [/^unlinked$/, 'unlinked'],
    [new RegExp(`^staff ${ID}$`), 'linked'],
    [new RegExp(`^random: staff ${ID}$`), 'linked_random'],
  ],
  merge: [[/^merged client (?<short>\S{8})\S*$/, 'merged']],
  split: [[/^from client (?<short>\S{8})\S*$/, 'split']],
  erase_retention: [[/^(?<n>\d+) measurements past the retention period$/, 'erased_retention']],
  erase_all: [[/^(?<n>\d+) measurements$/, 'erased_all']],
  retention: [
    [/^keep$/, 'retention_keep'],
    [/^(?<n>\d+) days$/, 'retention_days'],
  ],
  refused: [[/^(?<route>(?:GET|POST|PUT|PATCH|DELETE) \/\S*)$/, 'refused']],
};

/** One change in "account <id>: role=staff, postures, password". */
const ACCOUNT_FIELD: readonly Rule[] = [
  [/^role=(?<role>staff|coordinator)$/, 'field_role'],
  [/^disabled=true$/, 'field_disabled'],
  [/^disabled=false$/, 'field_enabled'],
  [/^password$/, 'field_password'],
  [/^postures$/, 'field_postures'],
  [/^name$/, 'field_name'],
];

/** One change in a settings line: "consentText changed" or "scoring.dominantThreshold 62 → 70". */
const SETTINGS_FIELD: readonly Rule[] = [
  [/^(?<field>\S+) changed$/, 'setting_text'],
  [/^(?<field>\S+) (?<before>.*) → (?<after>.*)$/, 'setting_value'],
];

const match = (rules: readonly Rule[], text: string): AuditDetailPart | null => {
  for (const [re, key] of rules) {
    const m = re.exec(text);
    if (m) return { key, values: { ...m.groups } };
  }
  return null;
};

/** Every piece of `detail`, or [] when nothing matches (show the line as written). An empty detail has no parts. */
export function auditDetailParts(action: string, detail: string): AuditDetailPart[] {
  if (detail === '') return [];
  if (action === 'user_update') {
    const m = new RegExp(`^account ${ID}: (?<fields>.+)$`).exec(detail);
    const parts = (m?.groups?.fields ?? '').split(', ').map((f) => match(ACCOUNT_FIELD, f));
    return m && parts.every((p) => p !== null) ? parts : [];
  }
  if (action === 'settings_change') {
    if (detail === 'agency settings saved without changes')
      return [{ key: 'settings_unchanged', values: {} }];
    const parts = detail.split('; ').map((f) => match(SETTINGS_FIELD, f));
    return parts.every((p) => p !== null) ? parts : [];
  }
  const one = match(RULES[action] ?? [], detail);
  return one ? [one] : [];
}

/** The words a detail needs, in one language: the texts of the parts and the names of coded values. */
export interface AuditDetailWords {
  /** `audit.detail_parts.<key>` filled with `values`. */
  readonly part: (key: string, values: Readonly<Record<string, string>>) => string;
  readonly role: (role: string) => string;
  readonly status: (status: string) => string;
  readonly fit: (fit: string) => string;
  readonly language: (code: string) => string;
}

/**
 * The detail of an audit line in `words`' language, the account it is about called `name`; null when no rule knows
 * the line (the caller shows it as written).
 */
export function auditDetailText(
  action: string,
  detail: string,
  name: string,
  words: AuditDetailWords,
): string | null {
  const parts = auditDetailParts(action, detail);
  if (parts.length === 0) return null;
  return parts
    .map(({ key, values: v }) =>
      words.part(key, {
        ...v,
        name: v.name ?? name,
        account: name,
        ...(v.role ? { role: words.role(v.role) } : {}),
        ...(v.status ? { status: words.status(v.status) } : {}),
        ...(v.fit ? { fit: words.fit(v.fit) } : {}),
        ...(v.lng ? { language: words.language(v.lng) } : {}),
        // The filters of an export name the person filtered on by id: that is the line's account.
        ...(v.filters ? { filters: v.filters.replace(/[0-9a-fA-F-]{36}/g, name) } : {}),
      }),
    )
    .join('; ');
}

/** "Arabisch" / "Arabic" for "ar" in language `lang`; the code where the engine has no name for it. */
export function languageName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
