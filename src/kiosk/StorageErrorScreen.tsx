/** Shown instead of the questionnaire when the tablet cannot store answers: nothing pretends to save. */
import type { StorageProblem } from '../storage/errors.ts';
import { useT } from '../i18n/useT.ts';
import { Screen } from './Screen.tsx';

/** Props: why storage failed, retry, and the way into staff mode. */
export interface StorageErrorScreenProps {
  readonly problem: StorageProblem;
  readonly onRetry: () => void;
  readonly onStaff: () => void;
}

/** The storage error screen. */
export function StorageErrorScreen({ problem, onRetry, onStaff }: StorageErrorScreenProps) {
  const t = useT();
  return (
    <Screen
      name="storage-error"
      title={t('storage.title')}
      actions={
        <>
          <button type="button" class="primary" onClick={onRetry}>
            {t('storage.retry_button')}
          </button>
          <button type="button" class="link staff-entry" onClick={onStaff}>
            {t('welcome.staff_button')}
          </button>
        </>
      }
    >
      <p class="lead" role="alert">
        {t('storage.body')}
      </p>
      <p class="staff-note">{t(`storage.problem_${problem}`)}</p>
    </Screen>
  );
}
