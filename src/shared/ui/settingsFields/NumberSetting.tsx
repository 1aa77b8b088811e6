/** A number setting both settings forms show (thresholds, times): label, a text input kept as typed, its error. */

/** Props: the value as typed (a Dutch comma stays), the keyboard to offer, and the row's class. */
export interface NumberSettingProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly inputMode: 'numeric' | 'decimal';
  /** What is wrong with the value (its bounds), shown under it; nothing when null. */
  readonly error: string | null;
  /** The row's class in the app's style sheet. */
  readonly rowClass: string;
  readonly onValue: (value: string) => void;
}

/** The field in its row. */
export function NumberSetting(p: NumberSettingProps) {
  const errorId = `${p.id}-error`;
  return (
    <div class={p.rowClass}>
      <label for={p.id}>{p.label}</label>
      <input
        id={p.id}
        inputMode={p.inputMode}
        value={p.value}
        {...(p.error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {})}
        onInput={(e) => p.onValue(e.currentTarget.value)}
      />
      {p.error && (
        <p id={errorId} class="error">
          {p.error}
        </p>
      )}
    </div>
  );
}
