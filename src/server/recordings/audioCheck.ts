/** Checks an uploaded recording before it is stored: a type Chromium plays, a size limit, and bytes that fit the type. */
import { RECORDING_MAX_BYTES } from '../../shared/contract/routes.ts';

/** The audio types a recording may have (MediaRecorder's webm/ogg with Opus; uploaded MP3, Ogg, WAV or WebM files). */
export const RECORDING_TYPES = ['audio/webm', 'audio/ogg', 'audio/mpeg', 'audio/wav'] as const;

/** File extension of a stored type, for the pack file name. */
export const EXTENSION: Readonly<Record<string, string>> = {
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
};

/** Other names browsers and files use for the same types. */
const ALIASES: Readonly<Record<string, string>> = {
  'audio/mp3': 'audio/mpeg',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'video/webm': 'audio/webm',
  'application/ogg': 'audio/ogg',
};

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  sig.every((x, i) => b[at + i] === x);

/** True when the first bytes are what a file of `mime` begins with (so a renamed text or image is refused). */
function looksLike(mime: string, b: Uint8Array): boolean {
  switch (mime) {
    case 'audio/webm':
      return startsWith(b, [0x1a, 0x45, 0xdf, 0xa3]);
    case 'audio/ogg':
      return startsWith(b, [0x4f, 0x67, 0x67, 0x53]);
    case 'audio/wav':
      return startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x41, 0x56, 0x45], 8);
    case 'audio/mpeg':
      return startsWith(b, [0x49, 0x44, 0x33]) || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0);
    default:
      return false;
  }
}

/** A checked upload, or why it is refused (an error code and a message for the 4xx answer). */
export type AudioCheck =
  | { readonly ok: true; readonly mime: string; readonly bytes: Buffer }
  | {
      readonly ok: false;
      readonly status: 400 | 413 | 415;
      readonly error: string;
      readonly message: string;
    };

/** Normalises the type (codecs parameter dropped), decodes the base64, and checks size and signature. */
export function checkAudio(mimeIn: string, base64: string): AudioCheck {
  const bare = mimeIn.split(';')[0]!.trim().toLowerCase();
  const mime = ALIASES[bare] ?? bare;
  if (!(RECORDING_TYPES as readonly string[]).includes(mime))
    return {
      ok: false,
      status: 415,
      error: 'unsupported_audio',
      message: `mime must be one of ${RECORDING_TYPES.join(', ')}`,
    };
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0)
    return { ok: false, status: 400, error: 'bad_audio', message: 'audio must be base64' };
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0)
    return { ok: false, status: 400, error: 'bad_audio', message: 'the recording is empty' };
  if (bytes.length > RECORDING_MAX_BYTES)
    return {
      ok: false,
      status: 413,
      error: 'too_large',
      message: `a recording may be at most ${RECORDING_MAX_BYTES / 1024 / 1024} MiB`,
    };
  if (!looksLike(mime, bytes))
    return {
      ok: false,
      status: 400,
      error: 'bad_audio',
      message: `the file is not ${mime} audio`,
    };
  return { ok: true, mime, bytes };
}
