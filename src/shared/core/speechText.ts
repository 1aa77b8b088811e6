/**
 * Texts the server renders to speech at run time (the agency's name): one normal form and one length cap, shared by
 * the tablet that asks and the server that answers, so a cached rendering is found under the same URL.
 */

/** Longest text (in characters, after normalising) the server renders: an agency name is at most 80. */
export const MAX_SPEECH_TEXT = 120;

/** The form a spoken text is asked for and cached under: NFC, whitespace runs as one space, trimmed. */
export const normalizeSpeechText = (text: string): string =>
  text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Why the server will not render `text` (already normalised), or null when it will. */
export function speechTextProblem(text: string): string | null {
  if (text.length === 0) return 'text is missing: give ?text= with the words to say';
  if ([...text].length > MAX_SPEECH_TEXT)
    return `text is longer than ${MAX_SPEECH_TEXT} characters; only short texts such as the agency name are rendered`;
  if (/[\u0000-\u001f\u007f-\u009f]/.test(text)) return 'text contains control characters';
  if (!/[\p{L}\p{N}]/u.test(text)) return 'text has no letters or digits to say';
  return null;
}
