/** The personal details the agency asks for (pilot: gender, first name, last name, date of birth), checked inline. */
import { useState } from 'preact/hooks';
import {
  DETAIL_FIELDS,
  GENDER_OPTIONS,
  cleanDetails,
  validateDetails,
  type DetailField,
  type DetailValues,
} from '../../shared/core/details.ts';
import { today } from '../../shared/platform/clock.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { useKiosk } from './context.ts';
import { DateOfBirthField } from './DateOfBirthField.tsx';
import {
  asksDocumentName,
  clientLanguage,
  DocumentNameField,
  documentNameLines,
  withoutDocumentName,
} from './DocumentNameField.tsx';
import { kioskLine, TITLE_LINE, type SpokenLine } from './readAloud.ts';
import { Screen } from './Screen.tsx';
import { useReadAloud } from './useReadAloud.ts';

/** Props: the details stored so far, and what to do with the accepted details. */
export interface DetailsScreenProps {
  readonly initial: DetailValues;
  readonly onSubmit: (details: DetailValues) => void;
  readonly onBack: () => void;
}

/** The details screen; nothing moves on until every asked field is valid. */
export function DetailsScreen({ initial, onSubmit, onBack }: DetailsScreenProps) {
  const t = useT();
  const { settings } = useKiosk();
  const modes = settings.detailFields;
  const [values, setValues] = useState<DetailValues>(initial);
  const [errors, setErrors] = useState<ReturnType<typeof validateDetails>>({});
  const [tried, setTried] = useState(false);
  const fields = DETAIL_FIELDS.filter((f) => modes[f] !== 'off');
  const askDocument = asksDocumentName(modes, clientLanguage(), values);
  const asked = (v: DetailValues) => (askDocument ? v : withoutDocumentName(v));

  const update = (field: DetailField | 'documentName', v: string) => {
    const next = { ...values, [field]: v };
    setValues(next);
    if (tried) setErrors(validateDetails(modes, asked(next), today()));
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const found = validateDetails(modes, asked(values), today());
    setErrors(found);
    setTried(true);
    if (Object.keys(found).length === 0) onSubmit(cleanDetails(modes, asked(values)));
  };
  const hint = (f: DetailField) => (modes[f] === 'optional' ? t('details.optional') : null);
  const message = (f: DetailField) => (errors[f] ? t(`errors.${errors[f]}`) : null);
  const failed = tried && Object.keys(errors).length > 0;
  const lines: SpokenLine[] = [
    kioskLine('details.title', t('details.title'), TITLE_LINE),
    kioskLine('details.intro', t('details.intro')),
    ...(failed ? [kioskLine('details.errors_summary', t('details.errors_summary'))] : []),
    ...fields.flatMap((f) => [
      kioskLine(`details.${f}`, t(`details.${f}`)),
      ...(f === 'gender'
        ? GENDER_OPTIONS.map((g) => kioskLine(`details.gender_${g}`, t(`details.gender_${g}`)))
        : []),
    ]),
    ...(askDocument ? documentNameLines(t) : []),
    kioskLine('details.next_button', t('details.next_button')),
  ];
  const reading = useReadAloud('details', lines);
  const mark = reading.mark;

  return (
    <Screen
      name="details"
      title={t('details.title')}
      reading={reading}
      actions={
        <button type="button" class="secondary" onClick={onBack}>
          {t('details.back_button')}
        </button>
      }
      primary={
        // In the screen's footer, outside the form: `form` ties it to the form (Enter in a field still submits).
        <button type="submit" form="details-form" class="primary" {...mark('details.next_button')}>
          {t('details.next_button')}
        </button>
      }
    >
      <p {...mark('details.intro')}>{t('details.intro')}</p>
      <form id="details-form" onSubmit={submit} noValidate>
        {failed && (
          <p class="error-summary" role="alert" {...mark('details.errors_summary')}>
            {t('details.errors_summary')}
          </p>
        )}
        {fields.map((f) => {
          const error = message(f);
          if (f === 'gender')
            return (
              <fieldset
                key={f}
                class={error ? 'field invalid' : 'field'}
                aria-describedby={error ? 'gender-error' : undefined}
              >
                <legend {...mark('details.gender')}>
                  {t('details.gender')} {hint(f) && <span class="hint">{hint(f)}</span>}
                </legend>
                {error && (
                  <p id="gender-error" class="error">
                    {error}
                  </p>
                )}
                <div class="choices">
                  {GENDER_OPTIONS.map((g) => (
                    <label key={g} class="choice" {...mark(`details.gender_${g}`)}>
                      <input
                        type="radio"
                        name="gender"
                        value={g}
                        checked={values.gender === g}
                        onChange={() => update('gender', g)}
                      />
                      <span>{t(`details.gender_${g}`)}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          if (f === 'dateOfBirth')
            return (
              <DateOfBirthField
                key={f}
                value={values.dateOfBirth ?? ''}
                onChange={(v) => update('dateOfBirth', v)}
                label={t('details.dateOfBirth')}
                labelMark={mark('details.dateOfBirth')}
                hint={hint(f)}
                error={error}
              />
            );
          return (
            <div key={f} class={error ? 'field invalid' : 'field'}>
              <label for={`field-${f}`} {...mark(`details.${f}`)}>
                {t(`details.${f}`)} {hint(f) && <span class="hint">{hint(f)}</span>}
              </label>
              {error && (
                <p id={`${f}-error`} class="error">
                  {error}
                </p>
              )}
              <input
                id={`field-${f}`}
                name={f}
                type="text"
                autoComplete="off"
                spellcheck={false}
                value={values[f] ?? ''}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${f}-error` : undefined}
                onInput={(e) => update(f, e.currentTarget.value)}
              />
            </div>
          );
        })}
        {askDocument && (
          <DocumentNameField
            value={values.documentName ?? ''}
            onChange={(v) => update('documentName', v)}
            error={errors.documentName ? t(`errors.${errors.documentName}`) : null}
            mark={mark}
          />
        )}
      </form>
    </Screen>
  );
}
