// The consent screen's default says what happens to the answers as the product handles them, with the office's own
// retention period (from the tablet's config), in the client's language; an agency's own text replaces it whole.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AgencySettings } from '../../src/shared/core/settings.ts';
import { switchLanguage } from '../../src/shared/i18n/languages.ts';
import { ConsentScreen } from '../../src/tablet/kiosk/ConsentScreen.tsx';
import { KioskContext } from '../../src/tablet/kiosk/context.ts';
import type { Speech } from '../../src/tablet/kiosk/readAloud.ts';
import { ReadAloudProvider } from '../../src/tablet/kiosk/ReadAloudProvider.tsx';
import type { SpokenPart } from '../../src/tablet/speech/speaker.ts';
import { instrument } from './fixtures.ts';

afterEach(() => switchLanguage('nl', instrument));

/** What the read-aloud engine was asked to say. */
const said: SpokenPart[] = [];
const RECORDING: Speech = {
  speakParts: (parts) => {
    said.push(...parts);
    return Promise.resolve();
  },
  stop: () => undefined,
  prepare: () => undefined,
};

function show(over: Partial<AgencySettings> = {}, language = 'nl') {
  const settings = { ...DEFAULT_SETTINGS, ...over };
  render(
    <ReadAloudProvider
      speech={RECORDING}
      language={language}
      readAll={false}
      onReadAll={() => undefined}
    >
      <KioskContext.Provider value={{ instrument, settings, pictograms: false }}>
        <ConsentScreen onAgree={() => undefined} onDecline={() => undefined} />
      </KioskContext.Provider>
    </ReadAloudProvider>,
  );
}

const privacy = (what: string) => document.querySelector(`[data-privacy="${what}"]`)?.textContent;

describe('consent screen', () => {
  it('covers storage, who sees the answers, the retention period and the rights, in B1 Dutch', () => {
    show({ retentionDays: 180 });
    expect(
      screen.getByRole('heading', { name: 'Wat gebeurt er met uw antwoorden?' }),
    ).not.toBeNull();
    expect(privacy('storage')).toMatch(/op deze tablet tot ze zijn verstuurd/);
    expect(privacy('who')).toMatch(/klantmanager.*coördinatoren.*zonder uw naam/s);
    expect(privacy('retention')).toBe(
      'Werkplein Drentsche Aa bewaart uw antwoorden 180 dagen. Daarna worden ze gewist.',
    );
    expect(privacy('rights')).toMatch(/wissen.*AVG/s);
    // The purpose and "no effect on your benefit" stay.
    expect(screen.getByText(/geen invloed op uw uitkering/)).not.toBeNull();
  });

  it('reads the privacy lines aloud with the keys of the audio pack, as shown', async () => {
    said.length = 0;
    show({ retentionDays: 180 });
    fireEvent.click(screen.getByRole('button', { name: 'Lees voor' }));
    await waitFor(() => expect(said.length).toBeGreaterThan(0));
    const keys = said.map((p) => p.text.key);
    for (const k of ['title', 'storage', 'who', 'retention', 'rights'])
      expect(keys).toContain(`kiosk:consent.privacy_${k}`);
    expect(said.find((p) => p.text.key === 'kiosk:consent.privacy_retention')?.text.text).toBe(
      privacy('retention'),
    );
  });

  it('says there is no fixed period when the office set none, never a number of its own', () => {
    show({ retentionDays: null });
    expect(privacy('retention_none')).toMatch(/geen vaste bewaartijd/);
    expect(privacy('retention')).toBeUndefined();
  });

  it("is in the client's language: Arabic and Tigrinya, with the office's period", async () => {
    await switchLanguage('ar', instrument);
    show({ retentionDays: 30 }, 'ar');
    expect(privacy('retention')).toContain('30');
    expect(privacy('retention')).toContain('يومًا');
    document.body.innerHTML = '';
    await switchLanguage('ti', instrument);
    show({ retentionDays: 365 }, 'ti');
    expect(privacy('retention')).toContain('365 መዓልታት');
  });

  it("shows an agency's own text instead of the whole default", () => {
    show({ consentText: 'Eigen tekst van de gemeente.', retentionDays: 180 });
    expect(screen.getByText('Eigen tekst van de gemeente.')).not.toBeNull();
    expect(document.querySelector('.privacy')).toBeNull();
  });
});
