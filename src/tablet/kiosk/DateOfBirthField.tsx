/** Date of birth as three small number fields (day, month, year): easier on a tablet than a calendar picker. */
import { useState } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';

/** Props: the stored yyyy-mm-dd value, a change handler, and the error message id to link. */
export interface DateOfBirthFieldProps {
  readonly value: string;
  readonly onChange: (iso: string) => void;
  readonly label: string;
  readonly hint: string | null;
  readonly error: string | null;
  /** Read-aloud marks for the legend (see `useReadAloud`). */
  readonly labelMark?: Record<string, string>;
}

function split(iso: string): [string, string, string] {
  const m = /^(\d*)-(\d*)-(\d*)$/.exec(iso);
  return m ? [m[3] ?? '', m[2] ?? '', m[1] ?? ''] : ['', '', ''];
}

/** Joins the parts to yyyy-mm-dd (empty when nothing is typed, so "required" can say so). */
export function joinDate(day: string, month: string, year: string): string {
  if (!day && !month && !year) return '';
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The field group. */
export function DateOfBirthField(p: DateOfBirthFieldProps) {
  const { value, onChange, label, hint, error } = p;
  const t = useT();
  const [parts, setParts] = useState(() => split(value));
  const set = (i: 0 | 1 | 2, v: string) => {
    const next: [string, string, string] = [...parts];
    next[i] = v.replace(/\D/g, '').slice(0, i === 2 ? 4 : 2);
    setParts(next);
    onChange(joinDate(...next));
  };
  const sub = [
    { key: 'day', size: 2 },
    { key: 'month', size: 2 },
    { key: 'year', size: 4 },
  ] as const;
  return (
    <fieldset
      class={error ? 'field invalid' : 'field'}
      aria-describedby={error ? 'dateOfBirth-error' : undefined}
    >
      <legend {...p.labelMark}>
        {label} {hint && <span class="hint">{hint}</span>}
      </legend>
      {error && (
        <p id="dateOfBirth-error" class="error">
          {error}
        </p>
      )}
      <div class="date-parts">
        {sub.map(({ key, size }, i) => (
          <label key={key} class={`date-part size-${size}`}>
            <span>{t(`details.${key}`)}</span>
            <input
              name={`dob-${key}`}
              inputMode="numeric"
              autoComplete="off"
              maxLength={size}
              value={parts[i]}
              aria-invalid={error ? true : undefined}
              onInput={(e) => set(i as 0 | 1 | 2, e.currentTarget.value)}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
