/** The languages offered on this tablet, each in its own name and script, so a client finds their own. */
import { languageMeta } from '../../shared/i18n/languages.ts';

/** Props: the codes to offer, the current one, and what to do on a choice. */
export interface LanguageListProps {
  readonly codes: readonly string[];
  readonly current: string;
  readonly label: string;
  readonly onChoose: (code: string) => void;
  /** Read-aloud marks, so the language whose prompt is being said lights up. */
  readonly mark?: (code: string) => Record<string, string>;
}

/** A group of big buttons, one per language; `lang`/`dir` on each so it is read and shaped correctly. */
export function LanguageList({ codes, current, label, onChoose, mark }: LanguageListProps) {
  return (
    <div class="languages" role="group" aria-label={label}>
      {codes.map((code) => {
        const meta = languageMeta(code);
        return (
          <button
            key={code}
            type="button"
            class="language"
            lang={meta.code}
            dir={meta.dir}
            aria-pressed={code === current}
            data-language={code}
            onClick={() => onChoose(code)}
            {...mark?.(code)}
          >
            {meta.name}
          </button>
        );
      })}
    </div>
  );
}
