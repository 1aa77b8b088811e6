/** A figure withheld because it rests on fewer measurements than the agency's minimum: a dash that says why. */
import { useT } from '../../shared/i18n/useT.ts';

/** Props: the agency's minimum N. */
export function Withheld({ minN }: { readonly minN: number }) {
  const t = useT('workspace');
  const why = t('quality.withheld', { minN });
  return (
    <span class="withheld" title={why}>
      –<span class="visually-hidden"> ({why})</span>
    </span>
  );
}
