/** A client's profile for staff: five bars with the threshold line, advice for dominant postures, imago, caution. */
import type { Instrument } from '../core/instrument.ts';
import { instrumentNamespace } from '../core/instrumentTexts.ts';
import type { Profile } from '../core/scoring.ts';
import { useT } from '../i18n/useT.ts';

/** Props: the profile, the instrument it was measured with, and the agency name for the texts. */
export interface ProfileViewProps {
  readonly profile: Profile;
  readonly instrument: Instrument;
  readonly agencyName: string;
}

const pct = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const one = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** The profile view; staff never see raw answers here. */
export function ProfileView({ profile, instrument, agencyName }: ProfileViewProps) {
  const t = useT('staff');
  const it = useT(instrumentNamespace(instrument));
  const label = (scale: string) => it(`scales.${scale}.label`);
  const agency = agencyName;
  const dominant = profile.postures.filter((p) => p.dominant);
  const roles = profile.roles.filter((r): r is typeof r & { value: number } => r.value !== null);
  const top = roles.filter((r) => profile.topRoles.includes(r.scale));
  const rest = roles
    .filter((r) => !profile.topRoles.includes(r.scale))
    .sort((a, b) => b.value - a.value);
  const and = ` ${t('profile.imago_and')} `;
  const restText = rest
    .map((r) => t('profile.imago_rest_item', { role: label(r.scale), score: r.value }))
    .reduce(
      (acc, s, i, all) =>
        i === 0 ? s : i === all.length - 1 ? `${acc}${and}${s}` : `${acc}, ${s}`,
      '',
    );

  return (
    <div class="profile">
      <section aria-labelledby="postures-title">
        <h2 id="postures-title">{t('profile.postures_title')}</h2>
        <p class="threshold-note">
          {t('profile.threshold', { value: pct.format(profile.threshold) })}
        </p>
        <ul class="bars">
          {profile.postures.map((p) => (
            <li key={p.scale} class={p.dominant ? 'bar dominant' : 'bar'} data-posture={p.scale}>
              <span class="bar-label">
                {label(p.scale)}
                {p.dominant && <strong class="dominant-tag"> · {t('profile.dominant')}</strong>}
              </span>
              <span class="bar-track" aria-hidden="true">
                {p.percent !== null && (
                  <span class="bar-fill" style={{ inlineSize: `${p.percent}%` }} />
                )}
                <span class="bar-threshold" style={{ insetInlineStart: `${profile.threshold}%` }} />
              </span>
              <span class="bar-value">
                {p.percent === null ? t('profile.not_enough') : `${pct.format(p.percent)}%`}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="advice-title">
        <h2 id="advice-title">{t('profile.advice_title')}</h2>
        {dominant.length === 0 && (
          <p>{t('profile.no_dominant', { value: pct.format(profile.threshold) })}</p>
        )}
        {dominant.map((p) => (
          <div key={p.scale} class="advice" data-advice={p.scale}>
            <h3>{t('profile.advice_for', { posture: label(p.scale) })}</h3>
            <p>{it(`advice.${p.scale}.full`)}</p>
          </div>
        ))}
      </section>
      <section aria-labelledby="imago-title">
        <h2 id="imago-title">{t('profile.imago_title', { agency })}</h2>
        <p data-testid="imago">
          {top.length === 0
            ? t('profile.imago_none', { agency })
            : t('profile.imago_main', {
                agency,
                roles: top.map((r) => label(r.scale)).join(` ${t('profile.imago_and')} een `),
                score: top[0]?.value,
              }) + (rest.length ? ` ${t('profile.imago_rest', { agency, rest: restText })}` : '')}
        </p>
      </section>
      {profile.desirability?.caution && profile.desirability.mean !== null && (
        <p class="caution" role="note" data-testid="desirability-caution">
          {t('profile.desirability_caution', { mean: one.format(profile.desirability.mean) })}
        </p>
      )}
    </div>
  );
}
