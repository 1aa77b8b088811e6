/** The DIF screen's result first: which items work differently in which translation, in words. */
import type { Instrument } from '../../shared/core/instrument.ts';
import { instrumentNamespace } from '../../shared/core/instrumentTexts.ts';
import type { QualityReport } from '../../shared/core/itemQuality/report.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { useWorkspace } from '../context.ts';
import { languageName } from '../../shared/ui/format.ts';
import { pValue, twoDecimals } from './qualityFormat.ts';

/** Props: the report and the instrument. */
export interface FlaggedItemsProps {
  readonly report: QualityReport;
  readonly instrument: Instrument;
}

/** The list (or that nothing stands out). */
export function FlaggedItems({ report, instrument }: FlaggedItemsProps) {
  const t = useT('workspace');
  const it = useT(instrumentNamespace(instrument));
  const { agencyName } = useWorkspace();
  const ui = document.documentElement.lang || 'nl';
  const flagged = report.items.flatMap((i) =>
    i.dif.filter((d) => d.flagged).map((d) => ({ item: i.item, d })),
  );
  return (
    <section aria-labelledby="q-flags" class="quality-flags" data-testid="quality-flags">
      <h2 id="q-flags">{t('quality.flags_title')}</h2>
      {flagged.length === 0 ? (
        <p>{t('quality.flags_none', { tests: report.dif.tests })}</p>
      ) : (
        <>
          <p>{t('quality.flags_intro', { flagged: flagged.length, tests: report.dif.tests })}</p>
          <ul>
            {flagged.map(({ item, d }) => (
              <li key={`${item}-${d.language}`} data-item={item} data-language={d.language}>
                <strong>
                  {item} {it(`items.${item}`, { agency: agencyName })}
                </strong>
                <br />
                {t('quality.flag_line', {
                  language: languageName(d.language, ui),
                  smd: twoDecimals.format(Math.abs(d.smd)),
                  direction: t(d.smd < 0 ? 'quality.flag_lower' : 'quality.flag_higher'),
                  effect: twoDecimals.format(d.effect),
                  p: pValue(d.pAdjusted),
                  n: d.nFocal,
                  nRef: d.nReference,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
