/**
 * One language's recordings: the interpreter records each client text (listen back, redo, save) or uploads a file;
 * a saved recording replaces the synthetic clip in the tablets' audio pack while the text stays the same.
 */
import { useEffect, useState } from 'preact/hooks';
import type { RouteAnswer } from '../../shared/contract/client.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { canRecord, startTake, type Take } from '../../shared/platform/microphone.ts';
import { ApiError, call } from '../api.ts';
import { Link } from '../Link.tsx';
import { LoadView } from '../LoadView.tsx';
import { href } from '../router.ts';
import { useLoad } from '../useLoad.ts';
import { recordingUrl, saveRecording } from './audioUpload.ts';

type Text = RouteAnswer<'GET /api/recordings/:lng'>['texts'][number];

/** The take in progress or waiting to be listened to, for one text at a time. */
type Active =
  | { readonly key: string; readonly phase: 'recording'; readonly take: Take }
  | { readonly key: string; readonly phase: 'review'; readonly blob: Blob; readonly url: string };

/** The page for language `lng`. */
export function RecordingsPage({ lng }: { readonly lng: string }) {
  const t = useT('workspace');
  const [load, reload] = useLoad(() => call('GET /api/recordings/:lng', { params: { lng } }), lng);
  const [active, setActive] = useState<Active | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [takeBytes, setTakeBytes] = useState(0);
  const recordingPossible = canRecord();

  useEffect(
    () => () => {
      if (active?.phase === 'recording') active.take.cancel();
      if (active?.phase === 'review') URL.revokeObjectURL(active.url);
    },
    [active],
  );

  const fail = (e: unknown) =>
    setProblem(
      e instanceof ApiError
        ? t('recordings.save_failed', { message: e.message })
        : t('recordings.no_microphone'),
    );

  const record = async (key: string) => {
    setProblem(null);
    try {
      setTakeBytes(0);
      setActive({ key, phase: 'recording', take: await startTake(setTakeBytes) });
    } catch (e) {
      fail(e);
    }
  };
  const stop = async () => {
    if (active?.phase !== 'recording') return;
    const blob = await active.take.stop();
    setActive({ key: active.key, phase: 'review', blob, url: URL.createObjectURL(blob) });
  };
  const save = async (key: string, blob: Blob) => {
    setBusy(true);
    setProblem(null);
    try {
      await saveRecording(lng, key, blob);
      setActive(null);
      reload();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (key: string) => {
    await call('DELETE /api/recordings/:lng/:key', { params: { lng, key } }).catch(fail);
    reload();
  };

  const actions = (x: Text) => {
    if (!x.recordable) return <span class="muted">{t('recordings.not_recordable')}</span>;
    if (active?.key === x.key && active.phase === 'recording')
      return (
        <button
          type="button"
          class="recording"
          onClick={() => void stop()}
          data-testid="stop"
          data-bytes={takeBytes}
        >
          {t('recordings.stop')} (
          {t('recordings.kilobytes', { count: Math.ceil(takeBytes / 1024) })})
        </button>
      );
    if (active?.key === x.key && active.phase === 'review')
      return (
        <span class="recording-review">
          <audio controls src={active.url} data-testid="take" />
          <button
            type="button"
            disabled={busy}
            onClick={() => void save(x.key, active.blob)}
            data-testid="save"
          >
            {t('recordings.save')}
          </button>
          <button type="button" onClick={() => void record(x.key)}>
            {t('recordings.redo')}
          </button>
          <button type="button" onClick={() => setActive(null)}>
            {t('recordings.cancel')}
          </button>
        </span>
      );
    return (
      <span class="recording-actions">
        {x.recording && (
          <audio controls preload="none" src={recordingUrl(lng, x.key, x.recording.recordedAt)} />
        )}
        {recordingPossible && (
          <button
            type="button"
            disabled={active !== null}
            onClick={() => void record(x.key)}
            data-testid="record"
          >
            {t(x.recording ? 'recordings.redo' : 'recordings.record')}
          </button>
        )}
        <label class="file-button">
          {t('recordings.upload')}
          <input
            type="file"
            accept="audio/webm,audio/ogg,audio/mpeg,audio/wav,.webm,.ogg,.mp3,.wav"
            disabled={active !== null}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void save(x.key, file);
            }}
          />
        </label>
        {x.recording && (
          <button type="button" disabled={active !== null} onClick={() => void remove(x.key)}>
            {t('recordings.remove')}
          </button>
        )}
      </span>
    );
  };

  return (
    <section data-screen="recordings" class="recordings">
      <p>
        <Link to={href({ name: 'admin', section: 'languages' })}>{t('recordings.back')}</Link>
      </p>
      <h1>{t('recordings.title', { lng })}</h1>
      <p class="hint">{t('recordings.intro')}</p>
      {!recordingPossible && <p class="hint">{t('recordings.no_microphone')}</p>}
      {problem && (
        <p class="error-box" role="alert">
          {problem}
        </p>
      )}
      <LoadView load={load}>
        {(data) => (
          <>
            <p data-testid="recording-counts">
              {t('recordings.summary', data.counts)}
              {data.counts.stale > 0 &&
                ` · ${t('recordings.stale_count', { count: data.counts.stale })}`}
            </p>
            {data.fallbackNote && <p class="hint">{t('recordings.fallback')}</p>}
            <table class="recordings-table">
              <thead>
                <tr>
                  <th scope="col">{t('recordings.text')}</th>
                  <th scope="col">{t('recordings.audio')}</th>
                  <th scope="col">{t('recordings.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.texts.map((x) => (
                  <tr key={x.key} data-key={x.key} data-source={x.source}>
                    <td>
                      <span lang={lng} dir="auto">
                        {x.text}
                      </span>
                      <br />
                      <code class="muted">{x.key}</code>
                    </td>
                    <td>
                      {t(`recordings.source_${x.source}`)}
                      {x.recording?.stale && (
                        <>
                          <br />
                          <span class="muted">{t('recordings.stale')}</span>
                        </>
                      )}
                    </td>
                    <td>{actions(x)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </LoadView>
    </section>
  );
}
