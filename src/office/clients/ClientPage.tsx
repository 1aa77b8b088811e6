/** A client's page: the latest profile with advice (the tablet's ProfileView), history, judgements, and for the coordinator the link, merge, split and erase controls. */
import { useState } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';
import { ProfileView } from '../../shared/ui/ProfileView.tsx';
import { dateTime } from '../../shared/ui/format.ts';
import { call } from '../api.ts';
import { useWorkspace } from '../context.ts';
import { Link } from '../Link.tsx';
import { LoadView } from '../LoadView.tsx';
import { href } from '../router.ts';
import { useLoad } from '../useLoad.ts';
import { ClientCode } from './ClientCode.tsx';
import { History } from './History.tsx';
import { JudgementForm } from './JudgementForm.tsx';
import { JudgementList } from './JudgementList.tsx';
import { CoordinatorPanel } from '../coordinator/CoordinatorPanel.tsx';
import { DocumentName } from './DocumentName.tsx';
import { versionLookup } from '../versionLabels.ts';

/** Props: the client id from the URL. */
export interface ClientPageProps {
  readonly id: string;
}

/** The page. */
export function ClientPage({ id }: ClientPageProps) {
  const t = useT('workspace');
  const { me, instrument, agencyName } = useWorkspace();
  const [load, reload] = useLoad(() => call('GET /api/clients/:id', { params: { id } }), id);
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <LoadView load={load}>
      {(detail) => {
        const { client, measurements, judgements } = detail;
        const shown =
          measurements.find((m) => m.id === chosen) ?? measurements[measurements.length - 1];
        // Each measurement with the items, wording and scales of the version it was answered in.
        const versionOf = versionLookup(detail.instruments, instrument);
        return (
          <article class="client-page" data-screen="client" data-client={client.id}>
            <header class="client-head">
              <div>
                <h1>
                  <bdi>{client.displayName}</bdi>
                </h1>
                <DocumentName client={client} />
                {client.staff && (
                  <p class="muted">{t('client.linked_to', { name: client.staff.name })}</p>
                )}
                {shown && (
                  <p>
                    <Link to={href({ name: 'summary', id: client.id })} class="button">
                      {t('client.summary_button')}
                    </Link>
                  </p>
                )}
              </div>
              <ClientCode code={client.code} />
            </header>
            {!shown && <p>{t('client.no_measurements')}</p>}
            {shown && (
              <div class="client-columns">
                <section class="client-profile" aria-labelledby="measured-title">
                  <h2 id="measured-title">
                    {t('client.measured_on', {
                      time: dateTime.format(new Date(shown.completedAt)),
                      device: shown.deviceName,
                    })}
                  </h2>
                  {measurements.length > 1 && (
                    <label class="inline">
                      {t('client.choose_measurement')}
                      <select value={shown.id} onChange={(e) => setChosen(e.currentTarget.value)}>
                        {measurements.map((m) => (
                          <option key={m.id} value={m.id}>
                            {dateTime.format(new Date(m.completedAt))}
                            {new Set(measurements.map((x) => x.instrumentVersion)).size > 1 &&
                              ` · ${t('client.questionnaire_version', { version: m.instrumentVersion })}`}
                          </option>
                        ))}
                      </select>
                    </label>
                  )}
                  <p class="hint" data-testid="measurement-version">
                    {t('client.questionnaire_version', { version: shown.instrumentVersion })}
                  </p>
                  {shown.scoreMismatch && <p class="notice">{t('client.score_mismatch')}</p>}
                  <ProfileView
                    profile={shown.profile}
                    instrument={versionOf(shown)}
                    agencyName={agencyName}
                  />
                </section>
                <aside class="client-judgement" aria-labelledby="judgement-title">
                  <h2 id="judgement-title">{t('judgement.title')}</h2>
                  <JudgementList
                    judgements={judgements.filter((j) => j.measurementId === shown.id)}
                  />
                  <JudgementForm clientId={client.id} measurementId={shown.id} onSaved={reload} />
                </aside>
              </div>
            )}
            {measurements.length > 0 && (
              <History measurements={measurements} instruments={measurements.map(versionOf)} />
            )}
            {me.role === 'coordinator' && <CoordinatorPanel detail={detail} onChanged={reload} />}
          </article>
        );
      }}
    </LoadView>
  );
}
