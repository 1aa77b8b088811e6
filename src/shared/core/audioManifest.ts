/**
 * The audio pack of one language: which file speaks which text. Pure, so the build that writes packs and the tablet
 * that plays them agree on the same shapes and the same splitting of texts at their placeholders.
 */

/** One piece of a text: a pre-rendered file, a number said from the pack's numbers, or the agency's name. */
export type ManifestSegment =
  { readonly file: string } | { readonly slot: string; readonly kind: 'number' | 'agency' };

/** A text in the pack: the hash of its wording and the pieces that say it, in order. */
export interface ManifestEntry {
  readonly hash: string;
  readonly template: string;
  readonly segments: readonly ManifestSegment[];
  readonly recorded?: true;
}

/**
 * Every built file of a pack joined into one download, and where each file sits in it ([offset, length] in bytes):
 * a tablet fetches and caches one file per language instead of ~200 (each request costs a tablet far more than its
 * bytes), and plays a clip as a slice of it.
 */
export interface PackBundle {
  readonly file: string;
  readonly clips: Readonly<Record<string, readonly [number, number]>>;
}

/** A language's pack: what eSpeak voice rendered it (and whether that is a stand-in), texts and numbers. */
export interface AudioManifest {
  readonly lng: string;
  readonly voice: string;
  /** Set when no voice of the language itself exists, e.g. Tigrinya spoken with the Amharic voice. */
  readonly fallbackNote: string | null;
  readonly entries: Readonly<Record<string, ManifestEntry>>;
  readonly numbers: Readonly<Record<string, string>>;
  readonly bytes: number;
  /** The built files in one download; files not in it (the agency's recordings) are fetched one by one. */
  readonly bundle?: PackBundle;
  /**
   * Texts the office changed after the build (a new questionnaire version, an imported translation) with the clips
   * the server rendered for their current wording (files under rt/, named by content). Beside `entries`, not over
   * them: a client who started on the old wording still hears it, and each wording only ever plays its own clips.
   */
  readonly runtime?: Readonly<Record<string, ManifestEntry>>;
}

/** Every entry of a pack, the build's and the run-time ones, as [key, entry] pairs. */
export const allEntries = (m: AudioManifest): [string, ManifestEntry][] => [
  ...Object.entries(m.entries),
  ...Object.entries(m.runtime ?? {}),
];

/** Joins a pack's files into one bundle, in name order (so the same files always give the same bytes). */
export function joinBundle(files: ReadonlyMap<string, Uint8Array>): {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly clips: Record<string, [number, number]>;
} {
  const names = [...files.keys()].sort();
  const clips: Record<string, [number, number]> = {};
  let size = 0;
  for (const n of names) {
    const len = files.get(n)!.length;
    clips[n] = [size, len];
    size += len;
  }
  const bytes = new Uint8Array(size);
  for (const n of names) bytes.set(files.get(n)!, clips[n]![0]);
  return { bytes, clips };
}

/** A placeholder-free piece of text, or a placeholder by name. */
export type TemplatePart = { readonly text: string } | { readonly slot: string };

const SLOT = /\{\{\s*([\w.]+)\s*\}\}/g;

/** Splits a template such as "Vraag {{current}} van {{total}}" into its spoken pieces and placeholders. */
export function splitTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of template.matchAll(SLOT)) {
    const before = template.slice(last, m.index).trim();
    if (/[\p{L}\p{N}]/u.test(before)) parts.push({ text: before });
    parts.push({ slot: m[1]! });
    last = m.index + m[0].length;
  }
  const rest = template.slice(last).trim();
  if (/[\p{L}\p{N}]/u.test(rest)) parts.push({ text: rest });
  return parts;
}

/** Which kind of value a placeholder holds: the agency's name, or a number. */
export const slotKind = (slot: string): 'number' | 'agency' =>
  slot === 'agency' ? 'agency' : 'number';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The placeholder values in a shown text, read back against its template; null when the text does not fit. */
export function matchTemplate(template: string, shown: string): Record<string, string> | null {
  const names: string[] = [];
  let pattern = '';
  let last = 0;
  for (const m of template.matchAll(SLOT)) {
    pattern += escape(template.slice(last, m.index)) + '(.+?)';
    names.push(m[1]!);
    last = m.index + m[0].length;
  }
  pattern += escape(template.slice(last));
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  const found = new RegExp(`^${norm(pattern)}$`, 'su').exec(norm(shown));
  if (!found) return null;
  return Object.fromEntries(names.map((n, i) => [n, found[i + 1]!]));
}

/** A piece the tablet plays: a file of the pack, a number, or the agency's name. */
export type PlayPiece =
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'number'; readonly file: string }
  | { readonly kind: 'agency'; readonly name: string };

/**
 * The pieces that say `shown` for `key` (plural forms `key_one`, `key_other` included), or null when the pack has no
 * audio that fits the shown wording; the caller then says so instead of skipping silently.
 */
export function piecesFor(manifest: AudioManifest, key: string, shown: string): PlayPiece[] | null {
  // The server's clips of a changed wording first; either way a clip plays only when its template fits the text shown.
  const candidates = [
    ...Object.entries(manifest.runtime ?? {}),
    ...Object.entries(manifest.entries),
  ].filter(([k]) => k === key || k.startsWith(`${key}_`));
  for (const [, entry] of candidates) {
    const values = matchTemplate(entry.template, shown);
    if (!values) continue;
    const pieces: PlayPiece[] = [];
    let ok = true;
    for (const s of entry.segments) {
      if ('file' in s) pieces.push({ kind: 'file', file: s.file });
      else if (s.kind === 'agency') pieces.push({ kind: 'agency', name: values[s.slot] ?? '' });
      else {
        const file = manifest.numbers[String(Number(values[s.slot]))];
        if (!file) ok = false;
        else pieces.push({ kind: 'number', file });
      }
    }
    if (ok) return pieces;
  }
  return null;
}
