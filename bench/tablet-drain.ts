// Bench: a tablet with 500 sealed sessions queued drains them to the server on loopback (budget: under 30 s).
import { randomUUID } from 'node:crypto';
import { parseInstrument } from '../src/shared/core/instrument.ts';
import { itemsInOrder } from '../src/shared/core/instrument.ts';
import { completeRecord, type Session } from '../src/shared/core/session.ts';
import { DEFAULT_SCORING } from '../src/shared/core/scoring.ts';
import instrumentJson from '../src/shared/instruments/pilot-2019.v1.json' with { type: 'json' };
import { sealRecord } from '../src/tablet/sync/seal.ts';
import type { ServerKey } from '../src/shared/contract/protocol.ts';
import { launchBrowser } from '../test/browser/harness.ts';
import { seedEnrollment } from '../test/browser/pages/TabletStore.ts';
import { startSyncServer } from '../test/browser/syncServer.ts';

const QUEUED = 500;

/** Seals QUEUED realistic records in Node, puts them in the tablet's outbox, reloads, and times the drain. */
export async function benchTabletDrain(): Promise<string[]> {
  const instrument = parseInstrument(instrumentJson);
  const server = await startSyncServer();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForSelector('main[data-screen="welcome"]');
    const enrollment = await server.enroll('Bench tablet');
    const key = enrollment.serverKey as ServerKey;
    const rows = [];
    for (let i = 0; i < QUEUED; i++) {
      const at = Date.now() - 60_000 + i;
      const session: Session = {
        id: randomUUID(),
        instrumentId: instrument.id,
        instrumentVersion: instrument.version,
        language: 'nl',
        languagesUsed: ['nl'],
        pictograms: false,
        readAloud: false,
        status: 'open',
        step: { kind: 'review' },
        startedAt: at - 600_000,
        updatedAt: at,
        stepAt: at,
        completedAt: null,
        reference: `B-${i}`,
        details: {
          firstName: 'Bench',
          lastName: `Client ${i}`,
          dateOfBirth: '1980-01-01',
          gender: 'other',
        },
        consentAt: at - 590_000,
      };
      const answers = Object.fromEntries(
        itemsInOrder(instrument).map(({ item }, j) => [item.id, 1 + ((i + j) % 5)]),
      );
      const answeredAt = Object.fromEntries(Object.keys(answers).map((id) => [id, at - 1000]));
      const record = completeRecord(instrument, session, answers, answeredAt, DEFAULT_SCORING, at);
      rows.push({
        sessionId: session.id,
        createdAt: at,
        record: null,
        sealed: await sealRecord(record, key),
        attempts: 0,
        lastError: null,
        nextAttemptAt: 0,
        rejected: null,
      });
    }
    await seedEnrollment(page, server.url, enrollment);
    await page.evaluate(
      (outbox) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('slimme-intake');
          open.onerror = () => reject(new Error('open failed'));
          open.onsuccess = () => {
            const tx = open.result.transaction('outbox', 'readwrite');
            for (const r of outbox) tx.objectStore('outbox').put(r);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
      rows,
    );
    const before = (await server.stored()).length;
    const t0 = performance.now();
    await page.reload();
    while ((await server.stored()).length < before + QUEUED) {
      if (performance.now() - t0 > 120_000) throw new Error('drain did not finish in 120 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - t0) / 1000;
    return [
      `  ${QUEUED} queued sessions drained from a tablet (reload → all stored on the server): ${seconds.toFixed(1)} s  [budget < 30 s] ${seconds < 30 ? 'OK' : 'OVER BUDGET'}`,
    ];
  } finally {
    await browser.close();
    await server.dispose();
  }
}
