/** Everything read back from IndexedDB passes through here: defaults filled, old shapes upgraded, nonsense dropped. */
import type { DetailValues } from '../../shared/core/details.ts';
import type { Session, SessionStatus, Step } from '../../shared/core/session.ts';
import type { Answers, Profile } from '../../shared/core/scoring.ts';
import { restoreSettings } from '../../shared/core/settings.ts';
import type { AnswerRow, SessionRow } from './db.ts';
import type { LoadedSession } from './sessions.ts';

const STATUSES: readonly SessionStatus[] = ['open', 'interrupted', 'completed'];

function restoreStep(raw: unknown): Step {
  const s = (raw ?? {}) as { kind?: unknown; index?: unknown };
  if (s.kind === 'item' && typeof s.index === 'number' && Number.isInteger(s.index) && s.index >= 0)
    return { kind: 'item', index: s.index };
  if (s.kind === 'details' || s.kind === 'review') return { kind: s.kind };
  return { kind: 'consent' };
}

function restoreDetails(raw: unknown): DetailValues {
  if (typeof raw !== 'object' || raw === null) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v;
  return out;
}

const num = (v: unknown, d: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : d;

/** A stored session row made safe to use. */
export function restoreSession(raw: SessionRow): SessionRow {
  const r = raw as Partial<SessionRow> & { id: string };
  const started = num(r.startedAt, 0);
  const session: Session = {
    id: r.id,
    instrumentId: typeof r.instrumentId === 'string' ? r.instrumentId : 'pilot-2019',
    instrumentVersion: num(r.instrumentVersion, 1),
    language: typeof r.language === 'string' ? r.language : 'nl',
    languagesUsed:
      Array.isArray(r.languagesUsed) && r.languagesUsed.every((l) => typeof l === 'string')
        ? r.languagesUsed
        : [typeof r.language === 'string' ? r.language : 'nl'],
    pictograms: r.pictograms === true,
    readAloud: r.readAloud === true,
    status: STATUSES.includes(r.status as SessionStatus)
      ? (r.status as SessionStatus)
      : 'interrupted',
    step: restoreStep(r.step),
    startedAt: started,
    updatedAt: num(r.updatedAt, started),
    stepAt: num(r.stepAt, num(r.updatedAt, started)),
    completedAt: typeof r.completedAt === 'number' ? r.completedAt : null,
    reference: typeof r.reference === 'string' ? r.reference : null,
    details: restoreDetails(r.details),
    consentAt: typeof r.consentAt === 'number' ? r.consentAt : null,
  };
  return {
    ...session,
    profile: (r.profile as Profile | undefined) ?? null,
    ...(r.settings === undefined ? {} : { settings: restoreSettings(r.settings) }),
    ...(typeof r.settingsVersion === 'number' ? { settingsVersion: r.settingsVersion } : {}),
  };
}

/** Answer rows as the domain's answers (item id → value). */
export function answersOf(rows: readonly AnswerRow[]): Answers {
  return Object.fromEntries(rows.map((r) => [r.itemId, r.value]));
}

/** A session row and its answer rows joined as the kiosk uses them (sessions.ts, and the boot read in boot.ts). */
export function restoreLoaded(row: SessionRow, answers: readonly AnswerRow[]): LoadedSession {
  return {
    session: restoreSession(row),
    answers: answersOf(answers),
    answeredAt: Object.fromEntries(answers.map((a) => [a.itemId, a.at])),
  };
}
