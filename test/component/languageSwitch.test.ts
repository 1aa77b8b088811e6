// Switching language loads that language's kiosk and instrument texts (lazily, from locales/<code>/).
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '../../src/shared/i18n/index.ts';
import { switchLanguage } from '../../src/shared/i18n/languages.ts';
import { instrumentNamespace } from '../../src/shared/core/instrumentTexts.ts';
import { instrument } from './fixtures.ts';

afterEach(() => switchLanguage('nl', instrument));

describe('switchLanguage', () => {
  it('shows the kiosk and the instrument in the chosen language', async () => {
    await switchLanguage('en', instrument);
    expect(document.documentElement.lang).toBe('en');
    expect(i18next.t('welcome.start_button')).not.toBe('Beginnen');
    expect(i18next.hasResourceBundle('en', 'kiosk')).toBe(true);
    expect(i18next.hasResourceBundle('en', instrumentNamespace(instrument))).toBe(true);
  });
});
