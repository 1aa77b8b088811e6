/** After the conversation: did the profile fit (yes/partly/no), what the client said, a note, the posture observed. */
import { useState } from 'preact/hooks';
import type { Fit, Judgement, NewJudgement } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { call } from '../api.ts';
import { useWorkspace } from '../context.ts';
import { postureIds, useScaleLabel } from '../labels.ts';

/** Props: the client, the measurement judged, and what to do once saved. */
export interface JudgementFormProps {
  readonly clientId: string;
  readonly measurementId: string;
  readonly onSaved: (j: Judgement) => void;
}

const FITS: readonly Fit[] = ['yes', 'partly', 'no'];

/** The form. */
export function JudgementForm({ clientId, measurementId, onSaved }: JudgementFormProps) {
  const t = useT('workspace');
  const { instrument } = useWorkspace();
  const label = useScaleLabel(instrument);
  const [fit, setFit] = useState<Fit | null>(null);
  const [clientFit, setClientFit] = useState<Fit | null>(null);
  const [observed, setObserved] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!fit) return setError(t('judgement.fit_required'));
    const body: NewJudgement = {
      measurementId,
      fit,
      clientFit,
      observedPosture: observed || null,
      note: note.trim(),
    };
    try {
      onSaved(
        await call('POST /api/clients/:id/judgements', { params: { id: clientId }, body: body }),
      );
      setFit(null);
      setClientFit(null);
      setObserved('');
      setNote('');
      setError(null);
    } catch (err) {
      setError(t('common.error', { message: err instanceof Error ? err.message : '' }));
    }
  };

  const radios = (
    name: string,
    value: Fit | null,
    set: (f: Fit | null) => void,
    optional: boolean,
  ) => (
    <div class="radios">
      {FITS.map((f) => (
        <label key={f}>
          <input type="radio" name={name} value={f} checked={value === f} onChange={() => set(f)} />
          {t(`judgement.fit_${f}`)}
        </label>
      ))}
      {optional && (
        <label>
          <input
            type="radio"
            name={name}
            value=""
            checked={value === null}
            onChange={() => set(null)}
          />
          {t('judgement.not_asked')}
        </label>
      )}
    </div>
  );

  return (
    <form class="ws-form judgement-form" onSubmit={submit} data-testid="judgement-form">
      <fieldset>
        <legend>{t('judgement.fit')}</legend>
        {radios('fit', fit, setFit, false)}
      </fieldset>
      <fieldset>
        <legend>{t('judgement.client_fit')}</legend>
        {radios('clientFit', clientFit, setClientFit, true)}
      </fieldset>
      <label for="observed">{t('judgement.observed')}</label>
      <select id="observed" value={observed} onChange={(e) => setObserved(e.currentTarget.value)}>
        <option value="">{t('judgement.observed_none')}</option>
        {postureIds(instrument).map((s) => (
          <option key={s} value={s}>
            {label(s)}
          </option>
        ))}
      </select>
      <label for="note">{t('judgement.note')}</label>
      <textarea
        id="note"
        rows={3}
        maxLength={2000}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      {error && (
        <p class="error-box" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="primary">
        {t('judgement.save')}
      </button>
    </form>
  );
}
