/** Sends recorded or chosen audio to the server: the contract's JSON body carries the bytes as base64. */
import { call } from '../api.ts';

/** The audio as base64, in slices so a long recording does not overflow the argument list. */
export async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Saves `blob` as the recording of `key` in `lng` (the server checks type, size and content). */
export async function saveRecording(lng: string, key: string, blob: Blob): Promise<void> {
  await call('PUT /api/recordings/:lng/:key', {
    params: { lng, key },
    body: { mime: blob.type || 'application/octet-stream', audio: await toBase64(blob) },
  });
}

/** Where the saved recording of a text is played back from; `version` changes with each new take. */
export const recordingUrl = (lng: string, key: string, version: string): string =>
  `/api/recordings/${encodeURIComponent(lng)}/${encodeURIComponent(key)}?v=${encodeURIComponent(version)}`;
