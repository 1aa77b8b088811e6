/** Every measurement (the pilot's "ingevulde vragen"), filtered by period and tablet, each opening its answers. */
import { useState } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';
import { dateTime } from '../../shared/ui/format.ts';
import { call } from '../api.ts';
import { useWorkspace } from '../context.ts';
import { useScaleLabel } from '../labels.ts';
import { Link } from '../Link.tsx';
import { LoadView } from '../LoadView.tsx';
import { href } from '../router.ts';
import { DataTable } from '../ui/DataTable.tsx';
import { useLoad } from '../useLoad.ts';
import { Filters, type FilterValues } from './Filters.tsx';

/** The page. */
export function MeasurementsPage() {
  const t = useT('workspace');
  const { instrument } = useWorkspace();
  const label = useScaleLabel(instrument);
  const [f, setF] = useState<FilterValues>({ from: '', to: '', deviceId: '' });
  const [load] = useLoad(
    () => call('GET /api/measurements', { query: { ...f } }),
    JSON.stringify(f),
  );
  return (
    <section data-screen="measurements">
      <h1>{t('measurements.title')}</h1>
      <Filters value={f} onChange={setF} />
      <LoadView load={load}>
        {(rows) => (
          <DataTable
            testId="measurement-list"
            headings={[
              t('measurements.completed'),
              t('clients.name'),
              t('measurements.device'),
              t('measurements.language'),
              t('clients.dominant'),
              t('measurements.answers'),
            ]}
            rows={rows}
            rowKey={(r) => r.id}
            cells={(r) => [
              dateTime.format(new Date(r.completedAt)),
              <Link to={href({ name: 'client', id: r.clientId })}>{r.clientName}</Link>,
              r.deviceName,
              r.language,
              r.dominant.map(label).join(', ') || '–',
              <Link to={href({ name: 'measurement', id: r.id })}>{t('measurements.open')}</Link>,
            ]}
            empty={<p>{t('measurements.empty')}</p>}
          />
        )}
      </LoadView>
    </section>
  );
}
