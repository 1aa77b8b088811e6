/** A client's profile for staff: five bars with the threshold line, advice for dominant postures, imago, caution. */
import type { Instrument } from '../core/instrument.ts';
import { instrumentNamespace } from '../core/instrumentTexts.ts';
import { isMixedProfile } from '../core/profileReading.ts';
import type { Profile } from '../core/scoring.ts';
import { useT } from '../i18n/useT.ts';
import { ImagoSentence } from './ImagoSentence.tsx';
import { decimal } from './format.ts';
import { PostureBar } from './PostureBar.tsx';
import './profile.css';

/** Props: the profile, the instrument it was measured with, and the agency name for the texts. */
export interface ProfileViewProps {
  readonly profile: Profile;
  readonly instrument: Instrument;
  readonly agencyName: string;
}

/** The profile view; staff never see raw answers here, only scores, advice and the imago. */
export function ProfileView({ profile, instrument, agencyName }: ProfileViewProps) {
  const t = useT('staff');
  const it = useT(instrumentNamespace(instrument));
  const label = (scale: string) => it(`scales.${scale}.label`);
  const dominant = profile.postures.filter((p) => p.dominant);
  const threshold = decimal.format(profile.threshold);
  const desirability = profile.desirability;
  const mixed =
    instrument.mixedAdvice !== undefined && isMixedProfile(instrument, profile.dominant);

  return (
    <div class="profile">
      <section aria-labelledby="postures-title">
        <h2 id="postures-title">{t('profile.postures_title')}</h2>
        <p class="threshold-note">{t('profile.threshold', { value: threshold })}</p>
        <ul class="bars">
          {profile.postures.map((p) => (
            <PostureBar
              key={p.scale}
              score={p}
              label={label(p.scale)}
              threshold={profile.threshold}
            />
          ))}
        </ul>
      </section>
      <section aria-labelledby="advice-title">
        <h2 id="advice-title">{t('profile.advice_title')}</h2>
        {dominant.length === 0 && (
          <p data-testid="no-dominant">{t('profile.no_dominant', { value: threshold })}</p>
        )}
        {mixed && (
          <div class="advice advice-mixed" data-advice="mixed" data-testid="mixed-advice">
            <h3>{t('profile.mixed_title')}</h3>
            <p>{it('mixedAdvice.full')}</p>
          </div>
        )}
        {dominant.map((p) => (
          <div key={p.scale} class="advice" data-advice={p.scale}>
            <h3>{t('profile.advice_for', { posture: label(p.scale) })}</h3>
            <p>{it(`advice.${p.scale}.full`)}</p>
          </div>
        ))}
      </section>
      <section aria-labelledby="imago-title">
        <h2 id="imago-title">{t('profile.imago_title', { agency: agencyName })}</h2>
        <ImagoSentence
          roles={profile.roles}
          topRoles={profile.topRoles}
          agencyName={agencyName}
          roleLabel={label}
        />
      </section>
      {desirability?.caution && desirability.mean !== null && (
        <section class="caution" aria-labelledby="caution-title" data-testid="desirability-caution">
          <h2 id="caution-title">{t('profile.caution_title')}</h2>
          <p>{t('profile.desirability_caution', { mean: decimal.format(desirability.mean) })}</p>
        </section>
      )}
    </div>
  );
}
