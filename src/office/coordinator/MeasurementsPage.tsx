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
        {(rows) =>
          rows.length === 0 ? (
            <p>{t('measurements.empty')}</p>
          ) : (
            <table class="ws-table" data-testid="measurement-list">
              <thead>
                <tr>
                  <th scope="col">{t('measurements.completed')}</th>
                  <th scope="col">{t('clients.name')}</th>
                  <th scope="col">{t('measurements.device')}</th>
                  <th scope="col">{t('measurements.language')}</th>
                  <th scope="col">{t('clients.dominant')}</th>
                  <th scope="col">{t('measurements.answers')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>{dateTime.format(new Date(r.completedAt))}</td>
                    <td>
                      <Link to={href({ name: 'client', id: r.clientId })}>{r.clientName}</Link>
                    </td>
                    <td>{r.deviceName}</td>
                    <td>{r.language}</td>
                    <td>{r.dominant.map(label).join(', ') || '–'}</td>
                    <td>
                      <Link to={href({ name: 'measurement', id: r.id })}>
                        {t('measurements.open')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadView>
    </section>
  );
}
