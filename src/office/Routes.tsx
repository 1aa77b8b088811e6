/** Picks the screen for the URL; coordinator-only screens are not offered to staff (and the server refuses them anyway). */
import { useT } from '../shared/i18n/useT.ts';
import { useWorkspace } from './context.ts';
import { useRoute } from './router.ts';
import { AccountPage } from './auth/AccountPage.tsx';
import { ClientList } from './clients/ClientList.tsx';
import { ClientPage } from './clients/ClientPage.tsx';
import { SummaryPage } from './summary/SummaryPage.tsx';
import { MeasurementsPage } from './coordinator/MeasurementsPage.tsx';
import { AnswersPage } from './coordinator/AnswersPage.tsx';
import { DashboardPage } from './coordinator/DashboardPage.tsx';
import { AdminPage } from './coordinator/AdminPage.tsx';
import { QualityPage } from './quality/QualityPage.tsx';
import { RecordingsPage } from './recordings/RecordingsPage.tsx';
import { LanguagePage } from './languages/LanguagePage.tsx';

/** The routes. */
export function Routes() {
  const t = useT('workspace');
  const { me } = useWorkspace();
  const route = useRoute();
  const coordinator = me.role === 'coordinator';
  switch (route.name) {
    case 'home':
      return <ClientList />;
    case 'client':
      return <ClientPage key={route.id} id={route.id} />;
    case 'summary':
      return <SummaryPage key={route.id} id={route.id} />;
    case 'account':
      return <AccountPage />;
    case 'measurements':
      if (coordinator) return <MeasurementsPage />;
      break;
    case 'measurement':
      if (coordinator) return <AnswersPage key={route.id} id={route.id} />;
      break;
    case 'dashboard':
      if (coordinator) return <DashboardPage />;
      break;
    case 'quality':
      if (coordinator) return <QualityPage />;
      break;
    case 'admin':
      if (coordinator) return <AdminPage key={route.section} section={route.section} />;
      break;
    case 'settings':
      if (coordinator) return <AdminPage key="settings" section="settings" />;
      break;
    case 'language':
      if (coordinator) return <LanguagePage key={route.code} code={route.code} />;
      break;
    case 'recordings':
      if (coordinator) return <RecordingsPage key={route.id} lng={route.id} />;
      break;
    default:
      return <p class="error-box">{t('common.not_found')}</p>;
  }
  return (
    <p class="error-box" role="alert" data-testid="load-error" data-status="403">
      {t('common.forbidden')}
    </p>
  );
}
