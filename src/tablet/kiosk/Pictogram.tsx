/**
 * The picture for one point of the five-point scale. Three cues, so no one depends on colour: the face's mouth
 * and brows (shape), its size (the stronger the answer the bigger the face), and its colour.
 */

interface Look {
  readonly r: number;
  readonly fill: string;
  readonly mouth: string;
  readonly brows?: string;
  readonly open?: boolean;
}

// 1 geheel oneens … 5 geheel eens. Dark fills carry white features; contrast ≥ 3:1 against the white card.
const LOOKS: Readonly<Record<number, Look>> = {
  1: {
    r: 30,
    fill: '#a4161a',
    mouth: 'M-14 16 Q0 2 14 16',
    brows: 'M-16 -16 L-6 -10 M16 -16 L6 -10',
  },
  2: { r: 25, fill: '#b85c00', mouth: 'M-11 13 Q0 5 11 13' },
  3: { r: 20, fill: '#5c6670', mouth: 'M-9 9 L9 9' },
  4: { r: 25, fill: '#2d7d3a', mouth: 'M-11 6 Q0 15 11 6' },
  5: { r: 30, fill: '#1b5e20', mouth: 'M-15 4 Q0 24 15 4 Z', open: true },
};

/** Props: the scale value (1–5). */
export interface PictogramProps {
  readonly value: number;
}

/** An inline SVG face; decorative for assistive technology, since the button carries the answer's text. */
export function Pictogram({ value }: PictogramProps) {
  const look = LOOKS[value] ?? LOOKS[3]!;
  const s = look.r / 30; // features scale with the face
  return (
    <svg class="pictogram" viewBox="-32 -32 64 64" width="64" height="64" aria-hidden="true">
      <circle r={look.r} fill={look.fill} stroke="#1b1b1b" stroke-width="2" />
      <g
        transform={`scale(${s})`}
        stroke="#fff"
        stroke-width="4"
        stroke-linecap="round"
        fill="none"
      >
        <circle cx="-10" cy="-4" r="3" fill="#fff" stroke="none" />
        <circle cx="10" cy="-4" r="3" fill="#fff" stroke="none" />
        {look.brows && <path d={look.brows} />}
        <path d={look.mouth} fill={look.open ? '#fff' : 'none'} />
      </g>
    </svg>
  );
}
