/** Shown instead of the questionnaire when the tablet cannot store answers: nothing pretends to save. */
import type { StorageProblem } from '../storage/errors.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { kioskLine, TITLE_LINE } from './readAloud.ts';
import { Screen } from './Screen.tsx';
import { StaffEntryButton } from './StaffEntryButton.tsx';
import { useReadAloud } from './useReadAloud.ts';

/** Props: why storage failed, retry, and the way into staff mode. */
export interface StorageErrorScreenProps {
  readonly problem: StorageProblem;
  readonly onRetry: () => void;
  readonly onStaff: () => void;
}

/** The storage error screen. */
export function StorageErrorScreen({ problem, onRetry, onStaff }: StorageErrorScreenProps) {
  const t = useT();
  // The note for staff is not read aloud: it is not for the client.
  const reading = useReadAloud('storage-error', [
    kioskLine('storage.title', t('storage.title'), TITLE_LINE),
    kioskLine('storage.body', t('storage.body')),
    kioskLine('storage.retry_button', t('storage.retry_button')),
  ]);
  return (
    <Screen
      name="storage-error"
      title={t('storage.title')}
      reading={reading}
      actions={<StaffEntryButton onStaff={onStaff} />}
      primary={
        <button
          type="button"
          class="primary"
          onClick={onRetry}
          {...reading.mark('storage.retry_button')}
        >
          {t('storage.retry_button')}
        </button>
      }
    >
      <p class="lead" role="alert" {...reading.mark('storage.body')}>
        {t('storage.body')}
      </p>
      <p class="staff-note">{t(`storage.problem_${problem}`)}</p>
    </Screen>
  );
}
