/** Takes one client through consent, details, the items and the review; every step is stored before the screen moves. */
import { useState } from 'preact/hooks';
import { itemsInOrder } from '../../shared/core/instrument.ts';
import type { DetailValues } from '../../shared/core/details.ts';
import type { Answers } from '../../shared/core/scoring.ts';
import { nextStep, previousStep, resumeStep, type Step } from '../../shared/core/session.ts';
import { now } from '../../shared/platform/clock.ts';
import type { LoadedSession } from '../storage/sessions.ts';
import {
  completeSession,
  discardSession,
  saveAnswer,
  saveConsent,
  saveDetails,
  saveStep,
} from '../storage/sessions.ts';
import { useKiosk } from './context.ts';
import { ConsentScreen } from './ConsentScreen.tsx';
import { DetailsScreen } from './DetailsScreen.tsx';
import { ItemScreen } from './ItemScreen.tsx';
import { ReviewScreen } from './ReviewScreen.tsx';

/** Props: the session to continue, how it ended, and where storage failures go. */
export interface SessionFlowProps {
  readonly loaded: LoadedSession;
  readonly onFinished: (how: 'completed' | 'declined') => void;
  readonly onError: (e: unknown) => void;
}

/** The flow. Holds the session's state in memory only as a mirror of what IndexedDB already has. */
export function SessionFlow({ loaded, onFinished, onError }: SessionFlowProps) {
  const { instrument, settings } = useKiosk();
  const id = loaded.session.id;
  const items = itemsInOrder(instrument);
  const [step, setStep] = useState<Step>(() =>
    clampStep(
      resumeStep(instrument, loaded.session.step, loaded.session.stepAt, loaded.answeredAt),
      items.length,
    ),
  );
  const [answers, setAnswers] = useState<Answers>(loaded.answers);
  const [details, setDetails] = useState<DetailValues>(loaded.session.details);
  const [fromReview, setFromReview] = useState(false);

  const go = async (to: Step, save: () => Promise<void> = () => saveStep(id, to, now())) => {
    try {
      await save();
      setStep(to);
      if (to.kind === 'review') setFromReview(false);
    } catch (e) {
      onError(e);
    }
  };
  const after = (s: Step): Step =>
    fromReview ? { kind: 'review' } : (nextStep(instrument, s) ?? { kind: 'review' });

  switch (step.kind) {
    case 'consent':
      return (
        <ConsentScreen
          onAgree={() =>
            void go({ kind: 'details' }, () => saveConsent(id, { kind: 'details' }, now()))
          }
          onDecline={() =>
            void discardSession(id).then(
              () => onFinished('declined'),
              (e: unknown) => onError(e),
            )
          }
        />
      );
    case 'details': {
      const to = after(step);
      return (
        <DetailsScreen
          initial={details}
          onBack={() => void go({ kind: 'consent' })}
          onSubmit={(d) =>
            void go(to, async () => {
              await saveDetails(id, d, to, now());
              setDetails(d);
            })
          }
        />
      );
    }
    case 'item': {
      const entry = items[step.index];
      if (!entry) return null;
      const to = after(step);
      return (
        <ItemScreen
          item={entry.item}
          part={entry.part}
          index={step.index}
          total={items.length}
          value={answers[entry.item.id]}
          fromReview={fromReview}
          onAnswer={async (value, tappedAt) => {
            try {
              await saveAnswer(id, entry.item.id, value, now());
              performance.measure('answer-commit', { start: tappedAt, end: performance.now() });
              if (fromReview) await saveStep(id, to, now());
              setAnswers((a) => ({ ...a, [entry.item.id]: value }));
              setStep(to);
              if (to.kind === 'review') setFromReview(false);
            } catch (e) {
              onError(e);
            }
          }}
          onSkip={() => go(to)}
          onBack={() =>
            void go(fromReview ? { kind: 'review' } : (previousStep(instrument, step) ?? step))
          }
        />
      );
    }
    case 'review':
      return (
        <ReviewScreen
          answers={answers}
          onBack={() => void go(previousStep(instrument, step) ?? step)}
          onChange={(index) => {
            void go({ kind: 'item', index }).then(() => setFromReview(true));
          }}
          onSubmit={async () => {
            try {
              await completeSession(instrument, id, settings.scoring, now());
              onFinished('completed');
            } catch (e) {
              onError(e);
            }
          }}
        />
      );
  }
}

/** A stored step may point past the end if the instrument changed; fall back to the review. */
function clampStep(step: Step, count: number): Step {
  return step.kind === 'item' && step.index >= count ? { kind: 'review' } : step;
}
