/**
 * The name as written on the client's ID document, in Latin letters: optional, and asked only where it helps, when
 * the agency asks for a name at all and either the client's language is written in another script (Arabic, Persian,
 * Tigrinya, Ukrainian) or the name they typed holds letters of another script. Staff then can read the name and find
 * the client by typing Latin letters. A Latin-script client typing a Latin name is never asked twice.
 */
import {
  asksNames,
  hasNonLatinLetters,
  type DetailField,
  type DetailValues,
  type FieldMode,
} from '../../shared/core/details.ts';
import { i18next } from '../../shared/i18n/index.ts';
import { languageMeta } from '../../shared/i18n/languages.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { kioskLine, type SpokenLine } from './readAloud.ts';

/** True when the details screen asks for the name on the ID document (see the module comment for why). */
export function asksDocumentName(
  modes: Readonly<Record<DetailField, FieldMode>>,
  language: string,
  values: DetailValues,
): boolean {
  if (!asksNames(modes)) return false;
  return (
    languageMeta(language).script !== 'Latn' ||
    hasNonLatinLetters(values.firstName) ||
    hasNonLatinLetters(values.lastName)
  );
}

/** The values with the document name left out (when the field is not shown, nothing typed before is kept). */
export function withoutDocumentName(values: DetailValues): DetailValues {
  const rest = { ...values };
  delete rest.documentName;
  return rest;
}

/** The field's lines for read-aloud, in screen order. */
export const documentNameLines = (t: (key: string) => string): SpokenLine[] => [
  kioskLine('details.documentName', t('details.documentName')),
  kioskLine('details.documentName_hint', t('details.documentName_hint')),
];

/** Props: the value, the change handler, the error text, and the read-aloud mark function. */
export interface DocumentNameFieldProps {
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly error: string | null;
  readonly mark: (id: string) => Record<string, string>;
}

/** The field: label with "(may stay empty)", a hint, Latin-only text input written left to right. */
export function DocumentNameField({ value, onChange, error, mark }: DocumentNameFieldProps) {
  const t = useT();
  return (
    <div class={error ? 'field invalid' : 'field'} data-field="documentName">
      <label for="field-documentName" {...mark('details.documentName')}>
        {t('details.documentName')} <span class="hint">{t('details.optional')}</span>
      </label>
      <p id="documentName-hint" class="hint" {...mark('details.documentName_hint')}>
        {t('details.documentName_hint')}
      </p>
      {error && (
        <p id="documentName-error" class="error">
          {error}
        </p>
      )}
      <input
        id="field-documentName"
        name="documentName"
        type="text"
        lang="und-Latn"
        dir="ltr"
        autoComplete="off"
        autoCapitalize="words"
        spellcheck={false}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'documentName-hint documentName-error' : 'documentName-hint'}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
    </div>
  );
}

/** The current client language (the details screen re-renders on a change through `useT`). */
export const clientLanguage = (): string => i18next.language;
