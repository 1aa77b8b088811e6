/** The kiosk's idle warning: the shared countdown dialog, read aloud, with one big "continue" button. */
import { useT } from '../../shared/i18n/useT.ts';
import { IdleDialog } from '../../shared/ui/IdleDialog.tsx';
import { kioskLine } from './readAloud.ts';
import { SpeakerButton } from './SpeakerButton.tsx';
import { useReadAloud } from './useReadAloud.ts';

/** Props: seconds left and the continue action. */
export interface IdleWarningProps {
  readonly remaining: number;
  readonly onContinue: () => void;
}

const LINES = { title: 'idle.title', body: 'idle.body', continue: 'idle.continue_button' } as const;

/** The warning. */
export function IdleWarning({ remaining, onContinue }: IdleWarningProps) {
  const t = useT();
  const body = t('idle.body', { count: remaining });
  // One owner for the whole countdown: the changing number does not restart the reading.
  const reading = useReadAloud('idle', [
    kioskLine(LINES.title, t(LINES.title)),
    kioskLine(LINES.body, body),
    kioskLine(LINES.continue, t(LINES.continue)),
  ]);
  return (
    <IdleDialog
      idPrefix="idle"
      title={t(LINES.title)}
      body={body}
      continueLabel={t(LINES.continue)}
      onContinue={onContinue}
      buttonClass="big"
      dataset={{ 'data-screen': 'idle' }}
      extra={<SpeakerButton reading={reading} />}
      mark={(key) => reading.mark(LINES[key as keyof typeof LINES])}
    />
  );
}
