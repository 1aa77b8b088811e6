/**
 * Read-aloud of the summary sheet on screen, in the sheet's language: sentence by sentence, the sentence being said
 * marked on the sheet, with pause and stop. The audio comes from the server's eSpeak NG voice for the language
 * (the tablet's voice; a PC rarely has an Arabic or Tigrinya voice, headless browsers none).
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';
import { callBlob } from '../api.ts';
import {
  IDLE,
  createSentencePlayer,
  type PlayerState,
  type SentencePlayer,
} from './sentencePlayer.ts';
import { spokenSentences, type SpokenSentence } from './spokenSentences.ts';

/** Props: the sheet to read and its language. */
export interface ReadAloudProps {
  readonly sheet: RefObject<HTMLElement>;
  readonly lang: string;
}

/** The name of the CSS highlight (`::highlight(read-aloud)`) that marks the sentence being said. */
const HIGHLIGHT = 'read-aloud';
/** The class of the block holding that sentence (for browsers without the CSS Highlight API). */
const BLOCK_CLASS = 'read-aloud-block';

/** The controls: read aloud / pause / go on / stop, and which sentence is being said. */
export function ReadAloud({ sheet, lang }: ReadAloudProps) {
  const t = useT('workspace');
  const audio = useRef<HTMLAudioElement>(null);
  const player = useRef<SentencePlayer | null>(null);
  const sentences = useRef<SpokenSentence[]>([]);
  const [state, setState] = useState<PlayerState>(IDLE);

  useEffect(() => {
    const el = audio.current;
    if (!el) return;
    const p = createSentencePlayer(
      el,
      (text) => callBlob('GET /api/speech/sentence', { query: { lng: lang, text } }),
      setState,
    );
    player.current = p;
    return () => {
      p.dispose();
      player.current = null;
    };
  }, [lang]);

  useEffect(() => mark(sentences.current[state.index] ?? null), [state.index]);
  useEffect(() => () => mark(null), []);

  const start = () => {
    if (!sheet.current || !player.current) return;
    sentences.current = spokenSentences(sheet.current, lang);
    player.current.start(sentences.current.map((s) => s.text));
  };
  const busy = state.phase !== 'idle';
  return (
    <div class="read-aloud" data-testid="read-aloud" data-phase={state.phase}>
      {!busy && (
        <button type="button" onClick={start} data-testid="read-aloud-start">
          {t('summary.read_aloud')}
        </button>
      )}
      {state.phase === 'paused' ? (
        <button
          type="button"
          onClick={() => player.current?.resume()}
          data-testid="read-aloud-resume"
        >
          {t('summary.resume')}
        </button>
      ) : (
        busy && (
          <button
            type="button"
            onClick={() => player.current?.pause()}
            data-testid="read-aloud-pause"
          >
            {t('summary.pause')}
          </button>
        )
      )}
      {busy && (
        <button type="button" onClick={() => player.current?.stop()} data-testid="read-aloud-stop">
          {t('summary.stop')}
        </button>
      )}
      {busy && (
        <span class="muted" data-testid="read-aloud-position">
          {t('summary.sentence_of', { n: state.index + 1, total: state.total })}
        </span>
      )}
      {state.error && (
        <p class="error" role="alert">
          {t(
            state.error === 'throttled' || state.error === 'busy'
              ? 'summary.speech_busy'
              : 'summary.speech_failed',
          )}
        </p>
      )}
      <audio ref={audio} preload="auto" data-testid="read-aloud-audio" />
    </div>
  );
}

/** Marks `s` on the sheet (and only it); null clears the mark. */
function mark(s: SpokenSentence | null): void {
  for (const el of document.querySelectorAll(`.${BLOCK_CLASS}`)) el.classList.remove(BLOCK_CLASS);
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  if (!s) {
    registry?.delete(HIGHLIGHT);
    return;
  }
  if (registry && typeof Highlight !== 'undefined') registry.set(HIGHLIGHT, new Highlight(s.range));
  else s.block.classList.add(BLOCK_CLASS);
  s.block.scrollIntoView?.({ block: 'nearest' });
}
