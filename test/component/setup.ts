// Component tests run on fake-indexeddb with the real Dutch texts and the real pilot instrument.
import 'fake-indexeddb/auto';
import { afterEach, beforeAll } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { parseInstrument } from '../../src/shared/core/instrument.ts';
import instrumentJson from '../../src/shared/instruments/pilot-2019.v1.json';
import { initI18n } from '../../src/shared/i18n/index.ts';

beforeAll(async () => {
  await initI18n(parseInstrument(instrumentJson));
});

afterEach(() => {
  cleanup();
});
