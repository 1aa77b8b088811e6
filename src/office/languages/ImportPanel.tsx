/** Import of a translated XLIFF: the server checks it, the coordinator sees what changes, then applies it. */
import { useState } from 'preact/hooks';
import type { ImportPreview } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { ApiError, call } from '../api.ts';

/** Props: the language and what to do once a version was applied. */
export interface ImportPanelProps {
  readonly code: string;
  readonly onApplied: () => void;
}

type State =
  | { readonly step: 'idle' }
  | { readonly step: 'checking' }
  | { readonly step: 'refused'; readonly message: string; readonly problems: readonly string[] }
  | { readonly step: 'preview'; readonly xliff: string; readonly preview: ImportPreview }
  | { readonly step: 'applied'; readonly version: number; readonly changed: number };

const refusal = (e: unknown): State => {
  const problems =
    e instanceof ApiError
      ? ((e.body as { problems?: unknown } | null)?.problems as string[] | undefined)
      : undefined;
  return {
    step: 'refused',
    message: e instanceof Error ? e.message : String(e),
    problems: Array.isArray(problems) ? problems : [],
  };
};

/** The panel. */
export function ImportPanel({ code, onApplied }: ImportPanelProps) {
  const t = useT('workspace');
  const [state, setState] = useState<State>({ step: 'idle' });

  const check = async (file: File | undefined) => {
    if (!file) return;
    setState({ step: 'checking' });
    const xliff = await file.text();
    try {
      const preview = await call('POST /api/languages/:code/import/preview', {
        params: { code },
        body: { xliff },
      });
      setState({ step: 'preview', xliff, preview });
    } catch (e) {
      setState(refusal(e));
    }
  };

  const apply = async (xliff: string, baseVersion: number) => {
    try {
      const r = await call('POST /api/languages/:code/import', {
        params: { code },
        body: { xliff, baseVersion },
      });
      setState({ step: 'applied', version: r.version, changed: r.changed });
      onApplied();
    } catch (e) {
      setState(refusal(e));
    }
  };

  return (
    <div class="xliff-import" data-testid="xliff-import">
      <label for="xliff-file">{t('translation.import_label')}</label>
      <input
        id="xliff-file"
        type="file"
        accept=".xlf,.xliff,application/xliff+xml,application/xml,text/xml"
        onChange={(e) => void check(e.currentTarget.files?.[0])}
      />
      {state.step === 'checking' && <p class="loading-line">{t('translation.checking')}</p>}
      {state.step === 'refused' && (
        <div class="error-box" role="alert" data-testid="import-refused">
          <p>{t('translation.refused', { count: state.problems.length || 1 })}</p>
          <ul>
            {(state.problems.length ? state.problems : [state.message]).map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {state.step === 'applied' && (
        <p class="ok-box" role="status" data-testid="import-applied">
          {t('translation.applied', { version: state.version, count: state.changed })}
        </p>
      )}
      {state.step === 'preview' && (
        <div data-testid="import-preview">
          <p>{t('translation.diff_intro', { count: state.preview.changes.length })}</p>
          {state.preview.changes.length > 0 && (
            <table class="data-table diff-table">
              <thead>
                <tr>
                  <th scope="col">{t('translation.where')}</th>
                  <th scope="col">{t('translation.dutch')}</th>
                  <th scope="col">{t('translation.before')}</th>
                  <th scope="col">{t('translation.after')}</th>
                </tr>
              </thead>
              <tbody>
                {state.preview.changes.map((c) => (
                  <tr key={c.key} data-key={c.key}>
                    <td>
                      <code>{c.key}</code>
                    </td>
                    <td lang="nl">{c.source}</td>
                    <td lang={code}>
                      <del>{c.before ?? '—'}</del>
                    </td>
                    <td lang={code}>
                      <ins>{c.after ?? '—'}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>
            <button
              type="button"
              disabled={state.preview.changes.length === 0}
              onClick={() => void apply(state.xliff, state.preview.baseVersion)}
            >
              {t('translation.apply', { version: state.preview.baseVersion + 1 })}
            </button>{' '}
            <button type="button" onClick={() => setState({ step: 'idle' })}>
              {t('translation.cancel')}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
