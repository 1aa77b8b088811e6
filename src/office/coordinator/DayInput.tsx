/**
 * A day typed as dd-mm-jjjj, whatever the browser's own date format (a native date input shows mm/dd/yyyy in an
 * English browser). Checked when the field is left or Enter is pressed; the filter changes only for a valid day.
 */
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';
import { formatDay, parseDay } from './dayText.ts';

/** Props: a stable id, the label, the yyyy-mm-dd value ('' = none) and what to do with a new valid value. */
export interface DayInputProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (iso: string) => void;
  /** A message from the form around it (e.g. "from after to"), shown like the field's own. */
  readonly error?: string | null;
}

/** The field: label, format hint, text input, and the error linked to it. */
export function DayInput({ id, label, value, onChange, error: outer = null }: DayInputProps) {
  const t = useT('workspace');
  const [text, setText] = useState(formatDay(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setText(formatDay(value)), [value]);

  const commit = () => {
    if (text.trim() === '') {
      setInvalid(false);
      if (value !== '') onChange('');
      return;
    }
    const iso = parseDay(text);
    setInvalid(iso === null);
    if (iso === null) return;
    setText(formatDay(iso));
    if (iso !== value) onChange(iso);
  };
  const error = invalid ? t('filters.date_invalid') : outer;
  return (
    <div class={error ? 'day-input invalid' : 'day-input'}>
      <label for={id}>
        {label} <span class="hint">{t('filters.date_format')}</span>
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellcheck={false}
        size={10}
        maxLength={10}
        placeholder={t('filters.date_format')}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => setText(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
      {error && (
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
