/** The section menu of Beheer: a link per section, the current one marked for eyes and screen readers. */
import { useT } from '../../shared/i18n/useT.ts';
import { Link } from '../Link.tsx';
import { href, type AdminSection } from '../router.ts';

/** The sections in menu order; settings is its own screen under Beheer. */
const ORDER: readonly (AdminSection | 'settings')[] = [
  'staff',
  'tablets',
  'languages',
  'questionnaire',
  'settings',
  'data',
  'keys',
  'audit',
];

/** Props: the section shown. */
export interface AdminNavProps {
  readonly current: AdminSection | 'settings';
}

/** The menu. */
export function AdminNav({ current }: AdminNavProps) {
  const t = useT('workspace');
  return (
    <nav class="admin-nav no-print" aria-label={t('admin.nav_label')}>
      <ul>
        {ORDER.map((s) => (
          <li key={s}>
            <Link
              to={href(s === 'settings' ? { name: 'settings' } : { name: 'admin', section: s })}
              current={s === current}
            >
              {t(`admin.sections.${s}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
