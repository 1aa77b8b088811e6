// A temporary password a coordinator hands over meets the server's length rule and avoids look-alike characters.
import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH } from '../../src/shared/core/passwordRules.ts';
import { temporaryPassword } from '../../src/office/coordinator/temporaryPassword.ts';

describe('temporaryPassword', () => {
  it('is four groups of four readable characters, at least the minimum length, different each time', () => {
    const a = temporaryPassword();
    expect(a).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(a).not.toMatch(/[lo01]/);
    expect(a.length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
    expect(temporaryPassword()).not.toBe(a);
  });

  it('skips bytes that would favour the first letters', () => {
    let n = 0;
    // 255 is past the last whole multiple of the 31-letter alphabet: skipped; 0 is "a".
    const p = temporaryPassword((b) => b.fill(n++ % 2 === 0 ? 255 : 0));
    expect(p).toBe('aaaa-aaaa-aaaa-aaaa');
  });
});
