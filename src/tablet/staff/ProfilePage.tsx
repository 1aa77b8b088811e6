/** The screen around one completed session's profile: whose it is, the profile itself, and the way back. */
import type { Instrument } from '../../shared/core/instrument.ts';
import { useT } from '../../shared/i18n/useT.ts';
import type { SessionRow } from '../storage/db.ts';
import { ProfileView } from '../../shared/ui/ProfileView.tsx';
import { whoIs } from './whoIs.ts';

/** Props: the completed session row (its stored profile, never its answers) and the way back. */
export interface ProfilePageProps {
  readonly row: SessionRow;
  readonly instrument: Instrument;
  readonly agencyName: string;
  readonly onBack: () => void;
}

/** The profile screen. */
export function ProfilePage({ row, instrument, agencyName, onBack }: ProfilePageProps) {
  const t = useT('staff');
  const who = whoIs(row.reference, row.details);
  return (
    <main class="staff screen" data-screen="staff-profile">
      <h1>{who ? t('profile.title_for', { who }) : t('profile.title')}</h1>
      {row.profile ? (
        <ProfileView profile={row.profile} instrument={instrument} agencyName={agencyName} />
      ) : (
        <p>{t('profile.missing')}</p>
      )}
      <div class="screen-actions">
        <button type="button" class="secondary" onClick={onBack}>
          {t('profile.back_button')}
        </button>
      </div>
    </main>
  );
}
