/**
 * A language's pack as it stands now, for the tablets' manifest and the languages page alike: the build's pack, the
 * run-time entries of changed texts whose clips are stored, and the changed texts still waiting for theirs.
 */
import type { AudioManifest, ManifestEntry } from '../../shared/core/audioManifest.ts';
import type { Queryable } from '../db.ts';
import type { InstrumentRegistry } from '../instruments.ts';
import { builtManifest } from '../recordings/store.ts';
import { readyClips } from './clipStore.ts';
import { planRuntime, readyEntries, spokenTextsNow } from './spokenNow.ts';

/** The built pack, its playable run-time entries, and every text said now with the entry that says it. */
export interface PackNow {
  readonly built: AudioManifest;
  /** Run-time entries whose clips are all stored: what tablets get beside the build's entries. */
  readonly runtime: Readonly<Record<string, ManifestEntry>>;
  /** Each text clients hear now (key → its entry for the current wording). */
  readonly current: Readonly<Record<string, ManifestEntry>>;
  /** Keys of `current` whose clips are not rendered yet (no audio until they are). */
  readonly pending: ReadonlySet<string>;
}

/** The pack of `lng` now, or null when the build has none. */
export async function packNow(
  ctx: {
    readonly db: Queryable;
    readonly instruments: InstrumentRegistry;
    readonly distDir: string;
  },
  lng: string,
): Promise<PackNow | null> {
  const built = builtManifest(ctx.distDir, lng);
  if (!built) return null;
  const plan = planRuntime(built, await spokenTextsNow(ctx.db, ctx.instruments, built));
  const runtime = readyEntries(
    plan,
    await readyClips(
      ctx.db,
      plan.clips.map((c) => c.renderKey),
    ),
  );
  const current: Record<string, ManifestEntry> = {};
  const pending = new Set<string>();
  for (const key of plan.texts.keys()) {
    const planned = plan.entries[key];
    const e = planned ? runtime[key] : built.entries[key];
    if (e) current[key] = e;
    else if (planned) {
      current[key] = planned;
      pending.add(key);
    }
  }
  return { built, runtime, current, pending };
}
