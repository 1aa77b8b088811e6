/** The discreet way into staff mode that the welcome and storage-error screens both offer. */
import { useT } from '../../shared/i18n/useT.ts';

/** The link-styled button; `onStaff` opens the PIN screen. */
export function StaffEntryButton({ onStaff }: { readonly onStaff: () => void }) {
  const t = useT();
  return (
    <button type="button" class="link staff-entry" onClick={onStaff}>
      {t('welcome.staff_button')}
    </button>
  );
}
