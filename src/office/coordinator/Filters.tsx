/** Period and tablet filters shared by the measurement list, the dashboard and the export. */
import { useState } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';
import { call } from '../api.ts';
import { useLoad } from '../useLoad.ts';
import { DayInput } from './DayInput.tsx';

/** The filter values as query parameters (empty = no filter). */
export interface FilterValues {
  readonly from: string;
  readonly to: string;
  readonly deviceId: string;
}

/** Props: the values and the change handler; `devices: false` hides the tablet choice. */
export interface FiltersProps {
  readonly value: FilterValues;
  readonly onChange: (v: FilterValues) => void;
}

/** The filter bar. */
export function Filters({ value, onChange }: FiltersProps) {
  const t = useT('workspace');
  const [devices] = useLoad(() => call('GET /api/devices'), 'devices');
  // A period that ends before it starts is not sent (the server would refuse it); the fields say why.
  const [reversed, setReversed] = useState(false);
  const apply = (next: FilterValues) => {
    const bad = next.from !== '' && next.to !== '' && next.from > next.to;
    setReversed(bad);
    if (!bad) onChange(next);
  };
  const from = (v: string) => apply({ ...value, from: v });
  const to = (v: string) => apply({ ...value, to: v });
  return (
    <div class="filters" role="group" aria-label={t('filters.label')}>
      <DayInput id="filter-from" label={t('filters.from')} value={value.from} onChange={from} />
      <DayInput
        id="filter-to"
        label={t('filters.to')}
        value={value.to}
        onChange={to}
        error={reversed ? t('filters.date_order') : null}
      />
      <label>
        {t('filters.device')}
        <select
          value={value.deviceId}
          onChange={(e) => onChange({ ...value, deviceId: e.currentTarget.value })}
        >
          <option value="">{t('filters.all_devices')}</option>
          {devices.state === 'ok' &&
            devices.value.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
        </select>
      </label>
    </div>
  );
}
