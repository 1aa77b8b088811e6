/**
 * The picture for one point of the five-point scale: how much the client agrees, as five rising bars of which as many
 * are filled as the answer is strong (1 geheel oneens: one bar … 5 geheel eens: all five). It shows an amount, not a
 * feeling, so a statement about rules is not answered with a mood. Three cues that need no colour: how many bars are
 * filled (shape), where the filling ends (height), and a minus or plus sign under the ends of the scale. The bars rise
 * in the direction text runs: the stylesheet mirrors them in right-to-left languages.
 */

/** The number of bars: one per point of the scale. */
const BARS = 5;

/** The sign under the picture: a minus for disagreeing, a plus for agreeing, none in the middle. */
export function agreementSign(value: number): 'minus' | 'plus' | null {
  return value < 3 ? 'minus' : value > 3 ? 'plus' : null;
}

/** Props: the scale value (1–5). */
export interface PictogramProps {
  readonly value: number;
}

/** An inline SVG meter; decorative for assistive technology, since the button carries the answer's text. */
export function Pictogram({ value }: PictogramProps) {
  const filled = Math.min(BARS, Math.max(1, Math.round(value)));
  const sign = agreementSign(filled);
  return (
    <svg
      class="pictogram"
      viewBox="0 0 64 64"
      width="64"
      height="64"
      aria-hidden="true"
      data-filled={filled}
    >
      {Array.from({ length: BARS }, (_, i) => {
        const h = 10 + i * 9; // 10, 19, 28, 37, 46: each bar taller than the one before
        const on = i < filled;
        return (
          <rect
            key={i}
            class={on ? 'bar on' : 'bar'}
            x={3 + i * 12}
            y={50 - h}
            width="10"
            height={h}
            rx="1.5"
            fill={on ? 'currentColor' : 'none'}
            stroke="currentColor"
            stroke-width="2"
          />
        );
      })}
      {sign && (
        <path
          class={`sign ${sign}`}
          d={sign === 'plus' ? 'M26 58 H38 M32 53 V63' : 'M26 58 H38'}
          stroke="currentColor"
          stroke-width="3"
          stroke-linecap="round"
        />
      )}
    </svg>
  );
}
