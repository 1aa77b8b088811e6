/** Period and tablet filters shared by the measurement list, the dashboard and the export. */
import { useT } from '../../shared/i18n/useT.ts';
import { call } from '../api.ts';
import { useLoad } from '../useLoad.ts';

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
  return (
    <div class="filters" role="group" aria-label={t('filters.label')}>
      <label>
        {t('filters.from')}
        <input
          type="date"
          value={value.from}
          onChange={(e) => onChange({ ...value, from: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('filters.to')}
        <input
          type="date"
          value={value.to}
          onChange={(e) => onChange({ ...value, to: e.currentTarget.value })}
        />
      </label>
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
