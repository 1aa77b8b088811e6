/** The pilot's imago sentence for staff: the role(s) the client mostly sees the agency as, then the other roles' scores. */
import { readImago } from '../core/profileReading.ts';
import type { RoleScore } from '../core/scoring.ts';
import { useT } from '../i18n/useT.ts';
import { andList as list } from './format.ts';

/** Props: the roles in instrument order, the top role(s), the agency name, and how to name a role. */
export interface ImagoSentenceProps {
  readonly roles: readonly RoleScore[];
  readonly topRoles: readonly string[];
  readonly agencyName: string;
  readonly roleLabel: (scale: string) => string;
}

// Stands in for the role names while the sentence is translated, so they can be set in bold.
const SLOT = '\u0000';

/** The sentence; unanswered roles are left out, a tie of some roles names them, a tie of all says there is no clear picture. */
export function ImagoSentence({ roles, topRoles, agencyName, roleLabel }: ImagoSentenceProps) {
  const t = useT('staff');
  const answered = roles.filter((r): r is RoleScore & { value: number } => r.value !== null);
  const top = answered.filter((r) => topRoles.includes(r.scale));
  const rest = answered
    .filter((r) => !topRoles.includes(r.scale))
    .sort((a, b) => b.value - a.value);
  const reading = readImago(roles, topRoles);
  if (reading.kind === 'none')
    return <p data-testid="imago">{t('profile.imago_none', { agency: agencyName })}</p>;
  if (reading.kind === 'unclear')
    return (
      <p data-testid="imago" data-imago="unclear">
        {t('profile.imago_unclear', { agency: agencyName, score: reading.value })}
      </p>
    );

  const names = top.map((r, i) =>
    i === 0 ? roleLabel(r.scale) : t('profile.imago_role_more', { role: roleLabel(r.scale) }),
  );
  const [before, after] = t('profile.imago_main', {
    agency: agencyName,
    roles: SLOT,
    score: top[0]?.value,
  }).split(SLOT);
  const restText = list.format(
    rest.map((r) => t('profile.imago_rest_item', { role: roleLabel(r.scale), score: r.value })),
  );
  return (
    <p data-testid="imago">
      {before}
      {list
        .now()
        .formatToParts(names)
        .map((part, i) =>
          part.type === 'element' ? <strong key={i}>{part.value}</strong> : part.value,
        )}
      {after}
      {rest.length > 0 && ` ${t('profile.imago_rest', { agency: agencyName, rest: restText })}`}
    </p>
  );
}
