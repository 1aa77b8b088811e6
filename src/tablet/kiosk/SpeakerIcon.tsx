/** The speaker drawn for read-aloud buttons: a picture, so a client who does not read finds it. */

/** Props: draw the sound waves moving while reading (the pressed state, not only a colour change). */
export interface SpeakerIconProps {
  readonly playing: boolean;
}

/** The icon; decorative, the button carries the name. */
export function SpeakerIcon({ playing }: SpeakerIconProps) {
  return (
    <svg
      class={playing ? 'speaker-icon playing' : 'speaker-icon'}
      viewBox="0 0 24 24"
      width="28"
      height="28"
      aria-hidden="true"
    >
      <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
      <path class="wave wave-1" d="M15 9.5a3.5 3.5 0 0 1 0 5" />
      <path class="wave wave-2" d="M17.5 7a7 7 0 0 1 0 10" />
      <path class="wave wave-3" d="M20 4.5a10.5 10.5 0 0 1 0 15" />
    </svg>
  );
}
