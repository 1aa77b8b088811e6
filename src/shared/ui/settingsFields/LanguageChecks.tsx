/** The languages a tablet offers, one checkbox each (Dutch always on): the fieldset both settings forms show. */
import type { ComponentChildren } from 'preact';

const SOURCE = 'nl';

/** Props: the codes in the order shown, which are on, how a language is named, and the row's class. */
export interface LanguageChecksProps {
  readonly legend: string;
  readonly hint: string;
  readonly codes: readonly string[];
  readonly chosen: readonly string[];
  readonly name: (code: string) => ComponentChildren;
  readonly rowClass: string;
  readonly onToggle: (code: string, on: boolean) => void;
  /** More settings of the same fieldset, after the languages (the office's read-aloud and picture defaults). */
  readonly children?: ComponentChildren;
}

/** The fieldset. */
export function LanguageChecks(p: LanguageChecksProps) {
  return (
    <fieldset>
      <legend>{p.legend}</legend>
      <p class="hint">{p.hint}</p>
      {p.codes.map((code) => (
        <label key={code} class={p.rowClass}>
          <input
            type="checkbox"
            value={code}
            checked={code === SOURCE || p.chosen.includes(code)}
            disabled={code === SOURCE}
            onChange={(e) => p.onToggle(code, e.currentTarget.checked)}
          />
          {p.name(code)}
        </label>
      ))}
      {p.children}
    </fieldset>
  );
}
