/** Device settings for staff: agency name, consent text, languages on offer, details asked, thresholds and timings. */
import { useState } from 'preact/hooks';
import { SETTING_BOUNDS, WHOLE_SETTINGS, type AgencySettings } from '../../shared/core/settings.ts';
import { LANGUAGES, languageMeta } from '../../shared/i18n/languages.ts';
import { staffLanguage } from '../../shared/i18n/staffLanguage.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { saveSettings } from '../storage/settings.ts';
import type { OfficeConfig } from '../storage/officeConfig.ts';
import { decimal, languageName } from '../../shared/ui/format.ts';
import { DetailModes } from '../../shared/ui/settingsFields/DetailModes.tsx';
import { LanguageChecks } from '../../shared/ui/settingsFields/LanguageChecks.tsx';
import { NumberSetting } from '../../shared/ui/settingsFields/NumberSetting.tsx';
import { SelectSetting } from '../../shared/ui/settingsFields/SelectSetting.tsx';
import { TextSetting } from '../../shared/ui/settingsFields/TextSetting.tsx';
import { useLanguageDraft } from './useLanguageStatus.ts';

/** Props: the current settings, and what to do after saving. */
export interface SettingsFormProps {
  readonly settings: AgencySettings;
  readonly onSaved: (s: AgencySettings) => void;
  readonly onChangePin: () => void;
  readonly onBack: () => void;
  /** Set when the office manages these settings: the form is read-only and says since when. */
  readonly office?: OfficeConfig | null;
}

type NumberKey = keyof typeof SETTING_BOUNDS;
const NUMBERS: readonly [NumberKey, string][] = [
  ['dominantThreshold', 'threshold_label'],
  ['desirabilityCautionAbove', 'caution_label'],
  ['idleSeconds', 'idle_label'],
  ['idleCountdownSeconds', 'countdown_label'],
  ['thanksSeconds', 'thanks_label'],
  ['staffLockSeconds', 'lock_label'],
];

const LANGUAGE_CODES: readonly string[] = LANGUAGES.map((l) => l.code);
const RETENTION: readonly AgencySettings['previewRetention'][] = ['until-synced', 'end-of-day'];

// Seconds are whole numbers; the two thresholds may have decimals (a caution above 4,5).
function numberError(k: NumberKey, raw: string, v: number): 'range' | 'whole' | null {
  const [lo, hi] = SETTING_BOUNDS[k];
  if (raw.trim() === '' || !Number.isFinite(v) || v < lo || v > hi) return 'range';
  return WHOLE_SETTINGS.includes(k) && !Number.isInteger(v) ? 'whole' : null;
}

function numberOf(s: AgencySettings, k: NumberKey): number {
  return k === 'dominantThreshold' || k === 'desirabilityCautionAbove' ? s.scoring[k] : s[k];
}

/** The form; nothing out of bounds is saved, each field says what it accepts. */
export function SettingsForm({
  settings,
  onSaved,
  onChangePin,
  onBack,
  office = null,
}: SettingsFormProps) {
  const t = useT('staff');
  const isDraft = useLanguageDraft();
  const [draft, setDraft] = useState(() => ({
    agencyName: settings.agencyName,
    consentText: settings.consentText ?? '',
    detailFields: { ...settings.detailFields },
    languages: [...settings.languages],
    previewRetention: settings.previewRetention,
    numbers: Object.fromEntries(
      NUMBERS.map(([k]) => [k, String(numberOf(settings, k)).replace('.', ',')]),
    ) as Record<NumberKey, string>,
  }));
  const [saved, setSaved] = useState(false);
  const [failed, setFailed] = useState(false);
  const num = (k: NumberKey) => Number(draft.numbers[k].trim().replace(',', '.'));
  const numberErrors = Object.fromEntries(
    NUMBERS.map(([k]) => [k, numberError(k, draft.numbers[k], num(k))]),
  ) as Record<NumberKey, 'range' | 'whole' | null>;
  const agencyMissing = draft.agencyName.trim() === '';
  const invalid = agencyMissing || NUMBERS.some(([k]) => numberErrors[k] !== null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (invalid) return;
    let next: AgencySettings;
    try {
      next = await saveSettings({
        ...settings,
        agencyName: draft.agencyName,
        consentText: draft.consentText.trim() || null,
        detailFields: draft.detailFields,
        languages: draft.languages,
        previewRetention: draft.previewRetention,
        scoring: {
          dominantThreshold: num('dominantThreshold'),
          desirabilityCautionAbove: num('desirabilityCautionAbove'),
        },
        idleSeconds: num('idleSeconds'),
        idleCountdownSeconds: num('idleCountdownSeconds'),
        thanksSeconds: num('thanksSeconds'),
        staffLockSeconds: num('staffLockSeconds'),
      });
    } catch {
      setFailed(true);
      return;
    }
    setFailed(false);
    setSaved(true);
    onSaved(next);
  };

  return (
    <main class="staff screen" data-screen="staff-settings">
      <h1>{t('settings.title')}</h1>
      {office && (
        <p class="notice" role="note" data-testid="settings-managed">
          {office.settingsUpdatedAt
            ? t('settings.managed_on', {
                date: new Date(office.settingsUpdatedAt).toLocaleString(staffLanguage(), {
                  dateStyle: 'long',
                  timeStyle: 'short',
                }),
              })
            : t('settings.managed_default')}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate onInput={() => setSaved(false)}>
        {/* Settings the office manages are shown, not edited, here: the next config fetch would undo an edit. */}
        <fieldset class="settings-fields" disabled={office !== null}>
          <TextSetting
            id="set-agency"
            label={t('settings.agency_label')}
            value={draft.agencyName}
            maxLength={80}
            error={agencyMissing ? t('settings.agency_required') : null}
            onValue={(agencyName) => setDraft({ ...draft, agencyName })}
          />
          <TextSetting
            id="set-consent"
            label={t('settings.consent_label')}
            hint={t('settings.consent_hint')}
            rows={5}
            maxLength={4000}
            value={draft.consentText}
            onValue={(consentText) => setDraft({ ...draft, consentText })}
          />
          <LanguageChecks
            legend={t('settings.languages_title')}
            hint={t('settings.languages_hint')}
            codes={LANGUAGE_CODES}
            chosen={draft.languages}
            name={(code) => (
              <span>
                {languageName(code, staffLanguage())}
                {code !== 'nl' && (
                  <span lang={code} class="muted">
                    {' '}
                    ({languageMeta(code).name})
                  </span>
                )}
                {isDraft(code) && (
                  <span class="draft-badge" data-draft={code}>
                    {' '}
                    {t('settings.language_draft')}
                  </span>
                )}
              </span>
            )}
            rowClass="staff-check"
            onToggle={(code, on) =>
              setDraft({
                ...draft,
                languages: on
                  ? LANGUAGE_CODES.filter((l) => l === code || draft.languages.includes(l))
                  : draft.languages.filter((l) => l !== code),
              })
            }
          />
          <DetailModes
            legend={t('settings.fields_title')}
            fieldLabel={(f) => t(`settings.field_${f}`)}
            modeLabel={(m) => t(`settings.mode_${m}`)}
            value={draft.detailFields}
            rowClass="inline-field"
            onValue={(detailFields) => setDraft({ ...draft, detailFields })}
          />
          {NUMBERS.map(([k, label]) => {
            const [min, max] = SETTING_BOUNDS[k];
            const problem = numberErrors[k];
            return (
              <NumberSetting
                key={k}
                id={`set-${k}`}
                label={t(`settings.${label}`)}
                inputMode={WHOLE_SETTINGS.includes(k) ? 'numeric' : 'decimal'}
                value={draft.numbers[k]}
                error={
                  problem &&
                  t(`settings.${problem}`, { min: decimal.format(min), max: decimal.format(max) })
                }
                rowClass={problem ? 'field invalid' : 'field'}
                onValue={(v) => setDraft({ ...draft, numbers: { ...draft.numbers, [k]: v } })}
              />
            );
          })}
          <SelectSetting
            id="set-retention"
            label={t('settings.retention_label')}
            value={draft.previewRetention}
            options={RETENTION.map((r) => ({ value: r, label: t(`settings.retention_${r}`) }))}
            onValue={(previewRetention) => setDraft({ ...draft, previewRetention })}
          />
        </fieldset>
        {saved && <p role="status">{t('settings.saved')}</p>}
        {failed && (
          <p class="error" role="alert">
            {t('errors.storage')}
          </p>
        )}
        {invalid && <p class="hint">{t('settings.fix_first')}</p>}
        <div class="screen-actions">
          <button type="button" class="secondary" onClick={onBack}>
            {t('settings.back_button')}
          </button>
          <button type="button" class="secondary" onClick={onChangePin}>
            {t('settings.change_pin_button')}
          </button>
          {!office && (
            <button type="submit" class="primary" disabled={invalid}>
              {t('settings.save_button')}
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
