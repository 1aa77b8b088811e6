/**
 * Texts the server renders to speech at run time (the agency's name): one normal form and one length cap, shared by
 * the tablet that asks and the server that answers, so a cached rendering is found under the same URL.
 */

/** Longest text (in characters, after normalising) the server renders: an agency name is at most 80. */
export const MAX_SPEECH_TEXT = 120;

/** Longest sentence the workspace's read-aloud asks for; longer sentences are cut at a pause (see sentences.ts). */
export const MAX_SPOKEN_SENTENCE = 400;

/** The form a spoken text is asked for and cached under: NFC, whitespace runs as one space, trimmed. */
export const normalizeSpeechText = (text: string): string =>
  text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Why the server will not render `text` (already normalised), or null when it will. */
export function speechTextProblem(text: string, max: number = MAX_SPEECH_TEXT): string | null {
  if (text.length === 0) return 'text is missing: give ?text= with the words to say';
  if ([...text].length > max)
    return `text is longer than ${max} characters; only short texts${max === MAX_SPEECH_TEXT ? ' such as the agency name' : ' (one sentence)'} are rendered`;
  if (/[\u0000-\u001f\u007f-\u009f]/.test(text)) return 'text contains control characters';
  if (!/[\p{L}\p{N}]/u.test(text)) return 'text has no letters or digits to say';
  return null;
}
