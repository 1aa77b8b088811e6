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
import { DetailModes } from '../../shared/ui/settingsFields/DetailModes.tsx';
import { LanguageChecks } from '../../shared/ui/settingsFields/LanguageChecks.tsx';
import { NumberSetting } from '../../shared/ui/settingsFields/NumberSetting.tsx';
import { SelectSetting } from '../../shared/ui/settingsFields/SelectSetting.tsx';
import { TextSetting } from '../../shared/ui/settingsFields/TextSetting.tsx';
import {
  NUMBER_FIELDS,
  draftOf,
  draftProblems,
  settingsOf,
  type SettingsDraft,
} from './settingsDraft.ts';

const RETENTION: readonly AgencySettings['previewRetention'][] = ['end-of-day', 'until-synced'];

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

  const errorOf = (field: string): string | null => {
    if (!shown(field)) return null;
    const bound = SETTING_BOUNDS[field as keyof typeof SETTING_BOUNDS];
    return bound
      ? t(WHOLE_SETTINGS.includes(field) ? 'settings.whole' : 'settings.range', {
          min: decimal.format(bound[0]),
          max: decimal.format(bound[1]),
        })
      : t(`settings.invalid_${field}`, { defaultValue: t('settings.invalid') });
  };

  return (
    <form class="ws-form settings-form" onSubmit={(e) => void save(e)} noValidate>
      <TextSetting
        id="st-agency"
        label={t('settings.agency')}
        value={draft.agencyName}
        maxLength={80}
        error={errorOf('agencyName')}
        onValue={(agencyName) => edit({ agencyName })}
      />
      <TextSetting
        id="st-consent"
        label={t('settings.consent')}
        hint={t('settings.consent_hint')}
        rows={6}
        maxLength={4000}
        value={draft.consentText}
        onValue={(consentText) => edit({ consentText })}
      />

      <DetailModes
        legend={t('settings.details')}
        fieldLabel={(f) => t(`settings.field_${f}`)}
        modeLabel={(m) => t(`settings.mode_${m}`)}
        value={draft.detailFields}
        rowClass="check"
        onValue={(detailFields) => edit({ detailFields })}
      />

      <LanguageChecks
        legend={t('settings.languages')}
        hint={t('settings.languages_hint')}
        codes={ALL_LANGUAGES}
        chosen={draft.languages}
        name={(code) => <span lang={code}>{languageName(code, ui)}</span>}
        rowClass="check"
        onToggle={(code, on) =>
          edit({
            languages: on ? [...draft.languages, code] : draft.languages.filter((l) => l !== code),
          })
        }
      >
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
      </LanguageChecks>

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
          <NumberSetting
            key={k}
            id={`st-${k}`}
            label={t(`settings.${k}`)}
            inputMode="decimal"
            value={draft.numbers[k]}
            error={errorOf(k)}
            rowClass="ws-field"
            onValue={(v) => edit({ numbers: { ...draft.numbers, [k]: v } })}
          />
        ))}
      </fieldset>

      <SelectSetting
        id="st-retention"
        label={t('settings.retention')}
        value={draft.previewRetention}
        options={RETENTION.map((r) => ({ value: r, label: t(`settings.retention_${r}`) }))}
        onValue={(previewRetention) => edit({ previewRetention })}
      />

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
