/** Which personal details the kiosk asks, each required, optional or off: the fieldset both settings forms show. */
import { DETAIL_FIELDS, type DetailField, type FieldMode } from '../../core/details.ts';
import { SettingSelect } from './SelectSetting.tsx';

const MODES: readonly FieldMode[] = ['required', 'optional', 'off'];

/** Props: the texts (the apps keep them in their own namespaces), the modes, and the row's class. */
export interface DetailModesProps {
  readonly legend: string;
  readonly fieldLabel: (field: DetailField) => string;
  readonly modeLabel: (mode: FieldMode) => string;
  readonly value: Readonly<Record<DetailField, FieldMode>>;
  readonly rowClass: string;
  readonly onValue: (value: Readonly<Record<DetailField, FieldMode>>) => void;
}

/** The fieldset, one labelled select per detail. */
export function DetailModes(p: DetailModesProps) {
  const options = MODES.map((m) => ({ value: m, label: p.modeLabel(m) }));
  return (
    <fieldset>
      <legend>{p.legend}</legend>
      {DETAIL_FIELDS.map((f) => (
        <label key={f} class={p.rowClass}>
          <span>{p.fieldLabel(f)}</span>
          <SettingSelect
            value={p.value[f]}
            options={options}
            onValue={(mode) => p.onValue({ ...p.value, [f]: mode })}
          />
        </label>
      ))}
    </fieldset>
  );
}
