/** The audit log's filter form: person, action, period (dd-mm-jjjj, as on the dashboard); applied on submit, cleared with one button. */
import { useState } from 'preact/hooks';
import { AUDIT_ACTIONS, type AuditAction } from '../../shared/contract/auditActions.ts';
import { i18next } from '../../shared/i18n/index.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { call } from '../api.ts';
import { useLoad } from '../useLoad.ts';
import { actionText } from './auditText.ts';
import { DayInput } from './DayInput.tsx';

/** The filters as the audit routes take them ('' = any). */
export interface AuditFilterValues {
  readonly actorId: string;
  readonly action: AuditAction | '';
  readonly from: string;
  readonly to: string;
}

/** No filter. */
export const NO_AUDIT_FILTERS: AuditFilterValues = { actorId: '', action: '', from: '', to: '' };

/** Props: the applied filters and what to do with new ones. */
export interface AuditFiltersProps {
  readonly value: AuditFilterValues;
  readonly onApply: (v: AuditFilterValues) => void;
}

/** The form. */
export function AuditFilters({ value, onApply }: AuditFiltersProps) {
  const t = useT('workspace');
  const [users] = useLoad(() => call('GET /api/users'), 'users');
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState(false);
  const actions = [...AUDIT_ACTIONS]
    .map((a) => ({ code: a, text: actionText(t, a) }))
    .sort((a, b) => a.text.localeCompare(b.text, i18next.language));
  const submit = (e: Event) => {
    e.preventDefault();
    const bad = draft.from !== '' && draft.to !== '' && draft.from > draft.to;
    setProblem(bad);
    if (!bad) onApply(draft);
  };
  const set = (k: keyof AuditFilterValues) => (e: Event) =>
    setDraft({ ...draft, [k]: (e.currentTarget as HTMLInputElement).value });
  return (
    <form class="ws-form filters audit-filters" aria-label={t('audit.filters')} onSubmit={submit}>
      <label>
        {t('audit.person')}
        <select value={draft.actorId} onChange={set('actorId')} data-testid="audit-person">
          <option value="">{t('audit.anyone')}</option>
          {users.state === 'ok' &&
            users.value.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t('audit.action')}
        <select value={draft.action} onChange={set('action')} data-testid="audit-action">
          <option value="">{t('audit.any_action')}</option>
          {actions.map((a) => (
            <option key={a.code} value={a.code}>
              {a.text}
            </option>
          ))}
        </select>
      </label>
      <DayInput
        id="audit-from"
        label={t('audit.from')}
        value={draft.from}
        onChange={(from) => setDraft({ ...draft, from })}
      />
      <DayInput
        id="audit-to"
        label={t('audit.to')}
        value={draft.to}
        onChange={(to) => setDraft({ ...draft, to })}
        error={problem ? t('audit.period_invalid') : null}
      />
      <div class="row-actions">
        <button type="submit" class="primary">
          {t('audit.apply')}
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(NO_AUDIT_FILTERS);
            setProblem(false);
            onApply(NO_AUDIT_FILTERS);
          }}
        >
          {t('audit.reset')}
        </button>
      </div>
    </form>
  );
}
