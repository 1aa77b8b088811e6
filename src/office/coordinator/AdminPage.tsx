/** Beheer: one section at a time (staff, tablets, keys, languages, questionnaire, settings, data, audit), each at its own address. */
import type { ComponentChildren } from 'preact';
import type { AdminSection } from '../router.ts';
import { SettingsPage } from '../settings/SettingsPage.tsx';
import { AdminNav } from './AdminNav.tsx';
import { AuditLog } from './AuditLog.tsx';
import { DataPanel } from './DataPanel.tsx';
import { DevicesPanel } from './DevicesPanel.tsx';
import { KeysPanel } from './KeysPanel.tsx';
import { LanguagesPanel } from './LanguagesPanel.tsx';
import { StaffAccounts } from './StaffAccounts.tsx';
import { QuestionnairePanel } from '../questionnaire/QuestionnairePanel.tsx';

/** Props: the section in the address ('settings' is the settings screen); none opens the staff accounts. */
export interface AdminPageProps {
  readonly section: AdminSection | 'settings' | undefined;
}

const SECTIONS: Record<AdminSection, () => ComponentChildren> = {
  staff: () => <StaffAccounts />,
  tablets: () => <DevicesPanel />,
  keys: () => <KeysPanel />,
  languages: () => <LanguagesPanel />,
  questionnaire: () => <QuestionnairePanel />,
  data: () => <DataPanel />,
  audit: () => <AuditLog />,
};

/** The page. */
export function AdminPage({ section }: AdminPageProps) {
  const current = section ?? 'staff';
  return (
    <div data-screen="admin" data-section={current} class="admin">
      <AdminNav current={current} />
      <div class="admin-section">
        {current === 'settings' ? <SettingsPage /> : SECTIONS[current]()}
      </div>
    </div>
  );
}
