// Read-aloud cuts a summary into sentences by the language's own rules and never asks for more than the server takes.
import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../src/shared/core/sentences.ts';

const cut = (text: string, lang: string, max = 400) =>
  sentenceSpans(text, lang, max).map((s) => text.slice(s.start, s.end));

describe('sentenceSpans', () => {
  it('splits Dutch, Arabic and Ethiopic text at their own sentence ends', () => {
    expect(cut('U doet mee. Dat is goed!  Vragen? Bel ons.', 'nl')).toEqual([
      'U doet mee.',
      'Dat is goed!',
      'Vragen?',
      'Bel ons.',
    ]);
    expect(cut('هل لديك أسئلة؟ اتصل بنا.', 'ar')).toEqual(['هل لديك أسئلة؟', 'اتصل بنا.']);
    expect(cut('ሰላም እዩ። ሕቶ ኣለኩም፧ ደውሉ።', 'ti')).toHaveLength(3);
  });

  it('cuts a sentence longer than the limit at its last pause, and skips pieces with nothing to say', () => {
    const long = 'een, twee, drie, vier, vijf, zes, zeven, acht, negen, tien.';
    const parts = cut(long, 'nl', 20);
    expect(parts.every((p) => p.length <= 20)).toBe(true);
    expect(parts.join(' ')).toBe(long);
    expect(cut(' … ', 'nl')).toEqual([]);
    expect(cut('a'.repeat(25), 'nl', 10).map((p) => p.length)).toEqual([10, 10, 5]);
  });
});
