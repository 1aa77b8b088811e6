/** A closing message (thank you, declined) that returns to the welcome screen by itself after a while. */
import { useEffect } from 'preact/hooks';
import { Screen } from './Screen.tsx';

/** Props: texts, how long it stays, and what to do when done. */
export interface MessageScreenProps {
  readonly name: string;
  readonly title: string;
  readonly body: string;
  readonly button: string;
  readonly seconds: number;
  readonly onDone: () => void;
}

/** The message screen. */
export function MessageScreen({ name, title, body, button, seconds, onDone }: MessageScreenProps) {
  useEffect(() => {
    const timer = setTimeout(onDone, seconds * 1000);
    return () => clearTimeout(timer);
  }, [seconds, onDone]);
  return (
    <Screen
      name={name}
      title={title}
      actions={
        <button type="button" class="primary" onClick={onDone}>
          {button}
        </button>
      }
    >
      <p class="lead">{body}</p>
    </Screen>
  );
}
