/** Staff mode (placeholder until the staff chunk lands). */
import type { StaffAppProps } from '../kiosk/staffBridge.ts';

/** Staff mode root. */
export function StaffApp(p: StaffAppProps) {
  return (
    <button type="button" onClick={() => p.onExit(p.settings)}>
      Terug
    </button>
  );
}
