/** A closing message (thank you, declined) that returns to the welcome screen by itself after a while. */
import { useEffect } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';
import { kioskLine, TITLE_LINE } from './readAloud.ts';
import { Screen } from './Screen.tsx';
import { useReadAloud } from './useReadAloud.ts';

/** Props: texts (under `name`.title and `name`.body), how long it stays, and what to do when done. */
export interface MessageScreenProps {
  readonly name: 'thanks' | 'declined';
  readonly seconds: number;
  readonly onDone: () => void;
}

/** The message screen. */
export function MessageScreen({ name, seconds, onDone }: MessageScreenProps) {
  const t = useT();
  const title = t(`${name}.title`);
  const body = t(`${name}.body`);
  const button = t('thanks.done_button');
  const reading = useReadAloud(name, [
    kioskLine(`${name}.title`, title, TITLE_LINE),
    kioskLine(`${name}.body`, body),
    kioskLine('thanks.done_button', button),
  ]);
  useEffect(() => {
    const timer = setTimeout(onDone, seconds * 1000);
    return () => clearTimeout(timer);
  }, [seconds, onDone]);
  return (
    <Screen
      name={name}
      title={title}
      reading={reading}
      primary={
        <button
          type="button"
          class="primary"
          onClick={onDone}
          {...reading.mark('thanks.done_button')}
        >
          {button}
        </button>
      }
    >
      <p class="lead" {...reading.mark(`${name}.body`)}>
        {body}
      </p>
    </Screen>
  );
}
