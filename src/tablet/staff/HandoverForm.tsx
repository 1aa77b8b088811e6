/** Staff start a session for a client: an optional reference and the client's language, then hand the tablet over. */
import { useState } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';
import type { Handover } from '../kiosk/staffBridge.ts';
import { useLanguageDraft } from './useLanguageStatus.ts';

/** A language staff can choose for the client: its code and its own name. */
export interface LanguageChoice {
  readonly code: string;
  readonly name: string;
}

/** Props: the languages on offer (the first is preselected) and what to do. */
export interface HandoverFormProps {
  readonly languages: readonly LanguageChoice[];
  readonly onStart: (h: Handover) => void;
  readonly onBack: () => void;
}

// Letters, digits, - and /; at most 40: an appointment number, not a name or a free-text note.
const REFERENCE = /^[\p{L}\p{N}/-]{1,40}$/u;

/** The form. */
export function HandoverForm({ languages, onStart, onBack }: HandoverFormProps) {
  const t = useT('staff');
  const isDraft = useLanguageDraft();
  const [reference, setReference] = useState('');
  const [language, setLanguage] = useState(languages[0]?.code ?? 'nl');
  const [invalid, setInvalid] = useState(false);
  const [pictograms, setPictograms] = useState(false);
  const [readAloud, setReadAloud] = useState(false);
  const submit = (e: Event) => {
    e.preventDefault();
    const ref = reference.trim();
    if (ref && !REFERENCE.test(ref)) return setInvalid(true);
    onStart({ reference: ref || null, language, pictograms, readAloud });
  };
  return (
    <main class="staff screen" data-screen="staff-handover">
      <h1>{t('handover.title')}</h1>
      <form onSubmit={submit} noValidate>
        <label for="handover-reference">{t('handover.reference_label')}</label>
        <p class="hint" id="handover-reference-hint">
          {t('handover.reference_hint')}
        </p>
        <input
          id="handover-reference"
          autoComplete="off"
          maxLength={40}
          value={reference}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? 'handover-reference-error' : 'handover-reference-hint'}
          onInput={(e) => {
            setReference(e.currentTarget.value);
            setInvalid(false);
          }}
        />
        {invalid && (
          <p id="handover-reference-error" class="error" role="alert">
            {t('handover.reference_invalid')}
          </p>
        )}
        <label for="handover-language">{t('handover.language_label')}</label>
        <select
          id="handover-language"
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value)}
        >
          {languages.map(({ code, name }) => (
            <option key={code} value={code} lang={code}>
              {name}
            </option>
          ))}
        </select>
        {isDraft(language) && (
          <p class="muted" data-testid="language-draft" data-draft={language}>
            {t('handover.language_draft')}
          </p>
        )}
        <label class="staff-check">
          <input
            type="checkbox"
            checked={pictograms}
            onChange={(e) => setPictograms(e.currentTarget.checked)}
          />
          {t('handover.pictograms_label')}
        </label>
        <label class="staff-check">
          <input
            type="checkbox"
            checked={readAloud}
            onChange={(e) => setReadAloud(e.currentTarget.checked)}
          />
          {t('handover.read_aloud_label')}
        </label>
        <div class="screen-actions">
          <button type="button" class="secondary" onClick={onBack}>
            {t('handover.back_button')}
          </button>
          <button type="submit" class="primary">
            {t('handover.start_button')}
          </button>
        </div>
      </form>
    </main>
  );
}
