/** A text setting both settings forms show (agency name, consent text): label, optional hint, input, its error. */

/** Props: ids derive from `id` (`-hint`, `-error`); `rows` makes it a text area. */
export interface TextSettingProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly value: string;
  readonly maxLength: number;
  /** Lines of a multi-line text; without, a one-line input. */
  readonly rows?: number;
  /** What is wrong with the value, shown under it; nothing when null or absent. */
  readonly error?: string | null;
  readonly onValue: (value: string) => void;
}

/** The field. */
export function TextSetting({
  id,
  label,
  hint,
  value,
  maxLength,
  rows,
  error,
  onValue,
}: TextSettingProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  const common = {
    id,
    value,
    maxLength,
    ...(error ? { 'aria-invalid': true } : {}),
    ...(described.length > 0 ? { 'aria-describedby': described.join(' ') } : {}),
    onInput: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
      onValue(e.currentTarget.value),
  };
  return (
    <>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {rows === undefined ? <input {...common} /> : <textarea rows={rows} {...common} />}
      {error && (
        <p id={`${id}-error`} class="error">
          {error}
        </p>
      )}
    </>
  );
}
