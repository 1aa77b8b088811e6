/** Beheer → Instellingen: the agency settings every tablet gets at its next sync round, for coordinators. */
import { useState } from 'preact/hooks';
import type { AgencySettings } from '../../shared/core/settings.ts';
import { ALL_LANGUAGES, SETTING_BOUNDS, WHOLE_SETTINGS } from '../../shared/core/settings.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { decimal, languageName } from '../../shared/ui/format.ts';
import { call } from '../api.ts';
import { Link } from '../Link.tsx';
import { LoadView } from '../LoadView.tsx';
import { href } from '../router.ts';
import { useLoad } from '../useLoad.ts';
import {
  DETAIL_ROWS,
  NUMBER_FIELDS,
  draftOf,
  draftProblems,
  settingsOf,
  type SettingsDraft,
} from './settingsDraft.ts';

/** The page: loads the settings, then the form. */
export function SettingsPage() {
  const t = useT('workspace');
  const [load] = useLoad(() => call('GET /api/settings'), 'settings');
  return (
    <section data-screen="settings" class="admin">
      <p class="no-print">
        <Link to={href({ name: 'admin' })}>{t('settings.back')}</Link>
      </p>
      <h1>{t('settings.title')}</h1>
      <p class="hint">{t('settings.intro')}</p>
      <LoadView load={load}>{(s) => <SettingsForm initial={s} />}</LoadView>
    </section>
  );
}

function SettingsForm({ initial }: { readonly initial: AgencySettings }) {
  const t = useT('workspace');
  const ui = document.documentElement.lang || 'nl';
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(initial));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [tried, setTried] = useState(false);
  const problems = draftProblems(draft);
  const edit = (change: Partial<SettingsDraft>) => {
    setStatus(null);
    setDraft({ ...draft, ...change });
  };
  const shown = (field: string) => (tried ? problems.get(field) : undefined);

  const save = async (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (problems.size > 0) return setStatus({ ok: false, text: t('settings.fix_first') });
    try {
      const saved = await call('PUT /api/settings', { body: settingsOf(draft) });
      setDraft(draftOf(saved));
      setTried(false);
      setStatus({ ok: true, text: t('settings.saved') });
    } catch (err) {
      setStatus({
        ok: false,
        text: t('common.error', { message: err instanceof Error ? err.message : '' }),
      });
    }
  };

  const errorOf = (field: string, id: string) => {
    const p = shown(field);
    if (!p) return null;
    const bound = SETTING_BOUNDS[field as keyof typeof SETTING_BOUNDS];
    const text = bound
      ? t(WHOLE_SETTINGS.includes(field) ? 'settings.whole' : 'settings.range', {
          min: decimal.format(bound[0]),
          max: decimal.format(bound[1]),
        })
      : t(`settings.invalid_${field}`, { defaultValue: t('settings.invalid') });
    return (
      <p id={id} class="error">
        {text}
      </p>
    );
  };
  const invalid = (field: string, id: string) =>
    shown(field) ? { 'aria-invalid': true, 'aria-describedby': id } : {};

  return (
    <form class="ws-form settings-form" onSubmit={(e) => void save(e)} noValidate>
      <label for="st-agency">{t('settings.agency')}</label>
      <input
        id="st-agency"
        value={draft.agencyName}
        maxLength={80}
        {...invalid('agencyName', 'st-agency-error')}
        onInput={(e) => edit({ agencyName: e.currentTarget.value })}
      />
      {errorOf('agencyName', 'st-agency-error')}

      <label for="st-consent">{t('settings.consent')}</label>
      <p class="hint" id="st-consent-hint">
        {t('settings.consent_hint')}
      </p>
      <textarea
        id="st-consent"
        rows={6}
        maxLength={4000}
        aria-describedby="st-consent-hint"
        value={draft.consentText}
        onInput={(e) => edit({ consentText: e.currentTarget.value })}
      />

      <fieldset>
        <legend>{t('settings.details')}</legend>
        {DETAIL_ROWS.map((f) => (
          <label key={f} class="check">
            <span>{t(`settings.field_${f}`)}</span>
            <select
              value={draft.detailFields[f]}
              onChange={(e) =>
                edit({
                  detailFields: {
                    ...draft.detailFields,
                    [f]: e.currentTarget.value as (typeof draft.detailFields)[typeof f],
                  },
                })
              }
            >
              {(['required', 'optional', 'off'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`settings.mode_${m}`)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('settings.languages')}</legend>
        <p class="hint">{t('settings.languages_hint')}</p>
        {ALL_LANGUAGES.map((code) => (
          <label key={code} class="check">
            <input
              type="checkbox"
              checked={code === 'nl' || draft.languages.includes(code)}
              disabled={code === 'nl'}
              onChange={(e) =>
                edit({
                  languages: e.currentTarget.checked
                    ? [...draft.languages, code]
                    : draft.languages.filter((l) => l !== code),
                })
              }
            />
            <span lang={code}>{languageName(code, ui)}</span>
          </label>
        ))}
        <label class="check">
          <input
            type="checkbox"
            checked={draft.defaultReadAloud}
            onChange={(e) => edit({ defaultReadAloud: e.currentTarget.checked })}
          />
          {t('settings.default_read_aloud')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={draft.defaultPictograms}
            onChange={(e) => edit({ defaultPictograms: e.currentTarget.checked })}
          />
          {t('settings.default_pictograms')}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('settings.summary')}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={draft.summaryDefiantScores}
            onChange={(e) => edit({ summaryDefiantScores: e.currentTarget.checked })}
            data-testid="summary-defiant-scores"
          />
          {t('settings.summary_defiant_scores')}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('settings.numbers')}</legend>
        {NUMBER_FIELDS.map((k) => (
          <div key={k} class="ws-field">
            <label for={`st-${k}`}>{t(`settings.${k}`)}</label>
            <input
              id={`st-${k}`}
              inputMode="decimal"
              value={draft.numbers[k]}
              {...invalid(k, `st-${k}-error`)}
              onInput={(e) => edit({ numbers: { ...draft.numbers, [k]: e.currentTarget.value } })}
            />
            {errorOf(k, `st-${k}-error`)}
          </div>
        ))}
      </fieldset>

      <label for="st-retention">{t('settings.retention')}</label>
      <select
        id="st-retention"
        value={draft.previewRetention}
        onChange={(e) =>
          edit({
            previewRetention: e.currentTarget.value as AgencySettings['previewRetention'],
          })
        }
      >
        {(['end-of-day', 'until-synced'] as const).map((r) => (
          <option key={r} value={r}>
            {t(`settings.retention_${r}`)}
          </option>
        ))}
      </select>

      <button type="submit" class="primary">
        {t('settings.save')}
      </button>
      {status && (
        <p role={status.ok ? 'status' : 'alert'} class={status.ok ? '' : 'error'}>
          {status.text}
        </p>
      )}
    </form>
  );
}
