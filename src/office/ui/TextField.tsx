/** A labelled, required text or password input bound to a string: the field every workspace form repeats. */

/** Props: the input's id (the label points at it), its label, value and change, type and autocomplete hint. */
export interface TextFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onValue: (value: string) => void;
  readonly autocomplete: string;
  readonly type?: 'text' | 'password';
  readonly name?: string;
}

/** The label and its input. */
export function TextField({
  id,
  label,
  value,
  onValue,
  autocomplete,
  type = 'text',
  name,
}: TextFieldProps) {
  return (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        {...(name === undefined ? {} : { name })}
        type={type}
        autocomplete={autocomplete}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
        required
      />
    </>
  );
}
