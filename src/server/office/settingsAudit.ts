/** The audit line for a settings change: which fields changed and, for short values, from what to what. */
import { changedSettings, type AgencySettings } from '../../shared/core/settings.ts';

const TEXT_FIELDS = new Set(['consentText', 'agencyName']);

function valueAt(s: AgencySettings, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], s);
}

function show(v: unknown): string {
  return Array.isArray(v) ? v.join(',') : String(v);
}

/** E.g. "consentText changed; scoring.dominantThreshold 62 → 70"; texts are named, not copied into the log. */
export function settingsChangeDetail(before: AgencySettings, after: AgencySettings): string {
  const fields = changedSettings(before, after);
  if (fields.length === 0) return 'agency settings saved without changes';
  return fields
    .map((f) =>
      TEXT_FIELDS.has(f)
        ? `${f} changed`
        : `${f} ${show(valueAt(before, f))} → ${show(valueAt(after, f))}`,
    )
    .join('; ');
}
