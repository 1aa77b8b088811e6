/** The coordinator's management page: staff accounts, tablets, data (retention, end-of-study erasure, export), audit log, languages. */
import { useT } from '../../shared/i18n/useT.ts';
import { AuditLog } from './AuditLog.tsx';
import { Link } from '../Link.tsx';
import { href } from '../router.ts';
import { DataPanel } from './DataPanel.tsx';
import { DevicesPanel } from './DevicesPanel.tsx';
import { KeysPanel } from './KeysPanel.tsx';
import { LanguagesPanel } from './LanguagesPanel.tsx';
import { StaffAccounts } from './StaffAccounts.tsx';

/** The page. */
export function AdminPage() {
  const t = useT('workspace');
  return (
    <section data-screen="admin" class="admin">
      <h1>{t('admin.title')}</h1>
      <p>
        <Link to={href({ name: 'settings' })}>{t('settings.link')}</Link>
      </p>
      <StaffAccounts />
      <DevicesPanel />
      <KeysPanel />
      <DataPanel />
      <LanguagesPanel />
      <AuditLog />
    </section>
  );
}
