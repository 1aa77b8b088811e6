/** A choice setting both settings forms show (how long a profile stays on the tablet): label and select. */

/** Props: the options in the order shown, each with its label. */
export interface SelectSettingProps<V extends string> {
  readonly id: string;
  readonly label: string;
  readonly value: V;
  readonly options: readonly { readonly value: V; readonly label: string }[];
  readonly onValue: (value: V) => void;
}

/** The label and select. */
export function SelectSetting<V extends string>(p: SelectSettingProps<V>) {
  return (
    <>
      <label for={p.id}>{p.label}</label>
      <SettingSelect value={p.value} options={p.options} onValue={p.onValue} id={p.id} />
    </>
  );
}

/** The select alone, for a row that is its own label (the details asked). */
export function SettingSelect<V extends string>(p: {
  readonly id?: string;
  readonly value: V;
  readonly options: readonly { readonly value: V; readonly label: string }[];
  readonly onValue: (value: V) => void;
}) {
  return (
    <select
      {...(p.id === undefined ? {} : { id: p.id })}
      value={p.value}
      onChange={(e) => p.onValue(e.currentTarget.value as V)}
    >
      {p.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
