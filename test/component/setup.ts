// Component tests run on fake-indexeddb with the real Dutch texts and the real pilot instrument. They make no network
// calls: a test that needs `fetch` stubs it (vi.stubGlobal); any other call fails the test that made it.
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { parseInstrument } from '../../src/shared/core/instrument.ts';
import instrumentJson from '../../src/shared/instruments/pilot-2019.v1.json';
import { initI18n } from '../../src/shared/i18n/index.ts';

const unexpected: string[] = [];

/** Stands in for the network: records the call and refuses it, as a tablet offline would. */
function noNetwork(input: RequestInfo | URL): Promise<Response> {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  unexpected.push(url);
  return Promise.reject(new TypeError(`unexpected fetch in a component test: ${url}`));
}

beforeAll(async () => {
  await initI18n(parseInstrument(instrumentJson));
});

beforeEach(() => {
  unexpected.length = 0;
  globalThis.fetch = noNetwork;
});

afterEach(() => {
  cleanup();
  if (unexpected.length > 0)
    throw new Error(`unexpected fetch in a component test: ${unexpected.join(', ')}`);
});
