/** The questionnaire session as the domain sees it: where the client is, and the record a completed session becomes. */
import type { DetailValues } from './details.ts';
import { itemsInOrder, type Instrument } from './instrument.ts';
import { scoreAnswers, type Answers, type Profile, type ScoringSettings } from './scoring.ts';

/** Where a client is in the flow; `item` carries the index in presentation order. */
export type Step =
  | { readonly kind: 'consent' }
  | { readonly kind: 'details' }
  | { readonly kind: 'item'; readonly index: number }
  | { readonly kind: 'review' };

/** open: a client is busy; interrupted: idle reset or staff stop, only staff may resume; completed: scored and queued. */
export type SessionStatus = 'open' | 'interrupted' | 'completed';

/**
 * How one client wants the questionnaire shown: the one place for per-session modes. Chosen on the welcome screen or
 * by staff at handover; kept with the session so a reload mid-session keeps them. Never sent to the server.
 */
export interface SessionModes {
  /** The client answers with pictures instead of text buttons. */
  readonly pictograms: boolean;
  /** Every screen is read aloud by itself (the client can turn it off and on while answering). */
  readonly readAloud: boolean;
}

/** A session as stored on the tablet. Answers live beside it (one row per answer) and are joined in. */
export interface Session extends SessionModes {
  readonly id: string;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly language: string;
  /** Every language the client had on screen, in order of first use (researchers compare mixed sessions). */
  readonly languagesUsed: readonly string[];
  readonly status: SessionStatus;
  readonly step: Step;
  readonly startedAt: number;
  readonly updatedAt: number;
  /** When `step` was last stored; answers newer than this say the client moved on (see `resumeStep`). */
  readonly stepAt: number;
  readonly completedAt: number | null;
  /** Set by staff at handover, e.g. the appointment number. */
  readonly reference: string | null;
  readonly details: DetailValues;
  readonly consentAt: number | null;
}

/** Everything a completed session hands to the server. */
export interface CompletedRecord {
  readonly sessionId: string;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  /** The language on screen when the client finished. */
  readonly language: string;
  /** Every language the client used during the session, in order of first use; absent from older tablets. */
  readonly languagesUsed: readonly string[];
  readonly reference: string | null;
  readonly details: DetailValues;
  readonly answers: Answers;
  readonly answeredAt: Readonly<Record<string, number>>;
  readonly profile: Profile;
  readonly startedAt: number;
  readonly consentAt: number | null;
  readonly completedAt: number;
  /**
   * The office's settings version the session ran under (`DeviceConfig.settingsVersion`), so the server scores with the
   * same threshold; absent from older tablets and from tablets never configured by the office.
   */
  readonly settingsVersion?: number;
}

/** The step after this one, or null after the review (the session is then submitted). */
export function nextStep(instrument: Instrument, step: Step): Step | null {
  const count = itemsInOrder(instrument).length;
  switch (step.kind) {
    case 'consent':
      return { kind: 'details' };
    case 'details':
      return { kind: 'item', index: 0 };
    case 'item':
      return step.index + 1 < count ? { kind: 'item', index: step.index + 1 } : { kind: 'review' };
    case 'review':
      return null;
  }
}

/** The step before this one, or null on the first screen. */
export function previousStep(instrument: Instrument, step: Step): Step | null {
  const count = itemsInOrder(instrument).length;
  switch (step.kind) {
    case 'consent':
      return null;
    case 'details':
      return { kind: 'consent' };
    case 'item':
      return step.index === 0 ? { kind: 'details' } : { kind: 'item', index: step.index - 1 };
    case 'review':
      return { kind: 'item', index: count - 1 };
  }
}

/**
 * Where to resume a session. Answers are stored without touching the session row (one write per tap), so when the
 * newest answer is newer than the stored step, the client continues after that item.
 */
export function resumeStep(
  instrument: Instrument,
  stored: Step,
  storedAt: number,
  answeredAt: Readonly<Record<string, number>>,
): Step {
  let latest: { id: string; at: number } | null = null;
  for (const [id, at] of Object.entries(answeredAt))
    if (!latest || at > latest.at) latest = { id, at };
  if (!latest || latest.at < storedAt) return stored;
  const latestId = latest.id;
  const index = itemsInOrder(instrument).findIndex(({ item }) => item.id === latestId);
  if (index < 0) return stored;
  return nextStep(instrument, { kind: 'item', index }) ?? { kind: 'review' };
}

/** Item ids the client has not answered, in order, for the review screen. */
export function unansweredItems(instrument: Instrument, answers: Answers): string[] {
  return itemsInOrder(instrument)
    .map(({ item }) => item.id)
    .filter((id) => typeof answers[id] !== 'number');
}

/** Builds the record a completed session becomes, scoring it on the device. */
export function completeRecord(
  instrument: Instrument,
  session: Session,
  answers: Answers,
  answeredAt: Readonly<Record<string, number>>,
  scoring: ScoringSettings,
  completedAt: number,
  settingsVersion?: number,
): CompletedRecord {
  return {
    sessionId: session.id,
    instrumentId: session.instrumentId,
    instrumentVersion: session.instrumentVersion,
    language: session.language,
    languagesUsed: session.languagesUsed.includes(session.language)
      ? session.languagesUsed
      : [...session.languagesUsed, session.language],
    reference: session.reference,
    details: session.details,
    answers,
    answeredAt,
    profile: scoreAnswers(instrument, answers, scoring),
    startedAt: session.startedAt,
    consentAt: session.consentAt,
    completedAt,
    ...(settingsVersion === undefined ? {} : { settingsVersion }),
  };
}
