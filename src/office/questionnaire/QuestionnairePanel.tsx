/**
 * Beheer → Vragenlijst: the questionnaire versions (which one tablets give new clients, how many measurements each
 * has) and loading a revised version: the instrument JSON and its translations are checked by the server, the
 * coordinator sees what changes, then stores it. Tablets take it between clients after their next configuration fetch.
 */
import { useState } from 'preact/hooks';
import type {
  VersionPreview,
  VersionProblem,
  VersionSummary,
} from '../../shared/contract/workspaceApi.ts';
import { i18next } from '../../shared/i18n/index.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { ApiError, call } from '../api.ts';
import { LoadView } from '../LoadView.tsx';
import { DataTable } from '../ui/DataTable.tsx';
import { useLoad } from '../useLoad.ts';
import { sortTranslations } from './translationFiles.ts';
import { VersionDiff } from './VersionDiff.tsx';

type Upload = { instrument: unknown; translations: Record<string, Record<string, string>> };

type Step =
  | { readonly step: 'idle' }
  | { readonly step: 'checking' }
  | {
      readonly step: 'refused';
      readonly problems: readonly VersionProblem[];
      readonly message: string;
    }
  | { readonly step: 'preview'; readonly upload: Upload; readonly preview: VersionPreview }
  | { readonly step: 'stored'; readonly version: number }
  | { readonly step: 'confirm'; readonly version: number; readonly current: number }
  | { readonly step: 'made-current'; readonly version: number };

const problemsOf = (e: unknown): Step => {
  const body = e instanceof ApiError ? (e.body as { problems?: unknown } | null) : null;
  return {
    step: 'refused',
    problems: Array.isArray(body?.problems) ? (body.problems as VersionProblem[]) : [],
    message: e instanceof Error ? e.message : String(e),
  };
};

const readJson = async (file: File): Promise<unknown> => {
  try {
    return JSON.parse(await file.text()) as unknown;
  } catch {
    return undefined;
  }
};

/** A day as the workspace's language writes it, in the agency's time zone. */
const dayFormat = () =>
  new Intl.DateTimeFormat(i18next.language === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'long',
    timeZone: 'Europe/Amsterdam',
  });

/** The panel. */
export function QuestionnairePanel() {
  const t = useT('workspace');
  const [load, reload] = useLoad(() => call('GET /api/instrument-versions'), 'versions');
  const [instrumentFile, setInstrumentFile] = useState<File | null>(null);
  const [translationFiles, setTranslationFiles] = useState<File[]>([]);
  const [state, setState] = useState<Step>({ step: 'idle' });

  const check = async () => {
    if (!instrumentFile) return;
    setState({ step: 'checking' });
    const instrument = await readJson(instrumentFile);
    if (instrument === undefined) {
      setState({
        step: 'refused',
        problems: [{ code: 'not_json', where: instrumentFile.name }],
        message: '',
      });
      return;
    }
    const files = await Promise.all(
      translationFiles.map(async (f) => ({ name: f.name, json: await readJson(f) })),
    );
    const { translations, unread } = sortTranslations(files);
    if (unread.length > 0) {
      setState({
        step: 'refused',
        problems: unread.map((where) => ({ code: 'unknown_file', where })),
        message: '',
      });
      return;
    }
    const upload = { instrument, translations };
    try {
      const preview = await call('POST /api/instrument-versions/preview', { body: upload });
      setState({ step: 'preview', upload, preview });
    } catch (e) {
      setState(problemsOf(e));
    }
  };

  const store = async (upload: Upload) => {
    try {
      const r = await call('POST /api/instrument-versions', { body: upload });
      setState({ step: 'stored', version: r.version });
      reload();
    } catch (e) {
      setState(problemsOf(e));
    }
  };

  const makeCurrent = async (version: number) => {
    try {
      await call('POST /api/instrument-versions/:version/current', {
        params: { version: String(version) },
        body: {},
      });
      setState({ step: 'made-current', version });
      reload();
    } catch (e) {
      setState(problemsOf(e));
    }
  };

  const origin = (v: VersionSummary) =>
    v.origin === 'file'
      ? t('questionnaire.origin_file')
      : t('questionnaire.origin_upload', {
          at: v.createdAt ? dayFormat().format(new Date(v.createdAt)) : '',
          by: v.createdBy ?? '—',
        });

  return (
    <section class="panel questionnaire" aria-labelledby="questionnaire-title">
      <h2 id="questionnaire-title">{t('questionnaire.title')}</h2>
      <p class="hint">{t('questionnaire.hint')}</p>
      <LoadView load={load}>
        {(versions) => (
          <DataTable
            testId="instrument-versions"
            headings={[
              t('questionnaire.version'),
              t('questionnaire.name'),
              t('questionnaire.origin'),
              t('questionnaire.items'),
              t('questionnaire.measurements'),
              t('questionnaire.on_tablets'),
            ]}
            rows={versions}
            rowKey={(v) => `${v.id}@${v.version}`}
            rowAttributes={(v) => ({ 'data-version': String(v.version) })}
            cells={(v) => [
              <strong>{v.version}</strong>,
              v.title,
              origin(v),
              t('questionnaire.items_scales', { items: v.items, scales: v.scales.length }),
              v.measurements,
              v.current ? (
                <span class="badge">{t('questionnaire.current')}</span>
              ) : (
                <button
                  type="button"
                  class="secondary small"
                  data-testid="make-current"
                  onClick={() =>
                    setState({
                      step: 'confirm',
                      version: v.version,
                      current: versions.find((x) => x.current)?.version ?? v.version,
                    })
                  }
                >
                  {t('questionnaire.make_current')}
                </button>
              ),
            ]}
          />
        )}
      </LoadView>
      {state.step === 'confirm' && (
        <div class="notice" role="alertdialog" data-testid="confirm-current">
          <p>
            {t('questionnaire.confirm_current', {
              version: state.version,
              current: state.current,
            })}
          </p>
          <p>
            <button type="button" onClick={() => void makeCurrent(state.version)}>
              {t('questionnaire.confirm_current_yes', { version: state.version })}
            </button>{' '}
            <button type="button" class="secondary" onClick={() => setState({ step: 'idle' })}>
              {t('questionnaire.cancel')}
            </button>
          </p>
        </div>
      )}
      {state.step === 'made-current' && (
        <p class="ok-box" role="status" data-testid="made-current">
          {t('questionnaire.made_current', { version: state.version })}
        </p>
      )}

      <h3>{t('questionnaire.load_title')}</h3>
      <p class="hint">{t('questionnaire.load_hint')}</p>
      <div class="questionnaire-upload">
        <label for="instrument-file">{t('questionnaire.instrument_file')}</label>
        <input
          id="instrument-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            setInstrumentFile(e.currentTarget.files?.[0] ?? null);
            setState({ step: 'idle' });
          }}
        />
        <label for="translation-files">{t('questionnaire.translation_files')}</label>
        <input
          id="translation-files"
          type="file"
          multiple
          accept=".json,application/json"
          onChange={(e) => {
            setTranslationFiles([...(e.currentTarget.files ?? [])]);
            setState({ step: 'idle' });
          }}
        />
      </div>
      <p>
        <button
          type="button"
          disabled={!instrumentFile || state.step === 'checking'}
          onClick={() => void check()}
        >
          {t('questionnaire.check')}
        </button>
      </p>
      {state.step === 'checking' && <p class="loading-line">{t('questionnaire.checking')}</p>}
      {state.step === 'refused' && (
        <div class="error-box" role="alert" data-testid="version-refused">
          <p>{t('questionnaire.refused', { count: state.problems.length || 1 })}</p>
          <ul>
            {state.problems.length === 0 && <li>{state.message}</li>}
            {state.problems.map((p, i) => (
              <li key={i} data-problem={p.code}>
                {t(`questionnaire.problems.${p.code}`, {
                  where: p.where,
                  detail: p.detail ?? '',
                  defaultValue: `${p.code}: ${p.where} ${p.detail ?? ''}`,
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.step === 'stored' && (
        <p class="ok-box" role="status" data-testid="version-stored">
          {t('questionnaire.stored', { version: state.version })}
        </p>
      )}
      {state.step === 'preview' && (
        <div data-testid="version-preview">
          <p>
            {t('questionnaire.preview_intro', {
              version: state.preview.version,
              base: state.preview.baseVersion,
            })}
          </p>
          <VersionDiff preview={state.preview} />
          <p>
            <button type="button" onClick={() => void store(state.upload)}>
              {t('questionnaire.store', { version: state.preview.version })}
            </button>{' '}
            <button type="button" class="secondary" onClick={() => setState({ step: 'idle' })}>
              {t('questionnaire.cancel')}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}
