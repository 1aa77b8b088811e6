// Build time: how far the audio packs are, per language, and about how long is left (a first build renders for minutes).

/** What the render pool says of its own work: renderings done so far, and asked for but not finished. */
export interface RenderWork {
  readonly rendered: number;
  readonly waiting: number;
}

/**
 * Counts the clips each language's pack needs and has; `line()` says it in one line for the build's output. The time
 * left comes from the render pool (`renders`): clips from the cache are ready at once and many packs share a
 * rendering, so only what is still to render, at the rate rendering went so far, says how long is left.
 */
export function packProgress(now: () => number = () => performance.now()) {
  const langs = new Map<string, { done: number; total: number }>();
  const started = now();
  let work: () => RenderWork = () => ({ rendered: 0, waiting: 0 });
  const of = (lng: string) => {
    let p = langs.get(lng);
    if (!p) langs.set(lng, (p = { done: 0, total: 0 }));
    return p;
  };
  const sum = (k: 'done' | 'total') => [...langs.values()].reduce((s, p) => s + p[k], 0);
  return {
    /** `lng`'s pack needs `clips` more clips. */
    expect(lng: string, clips: number): void {
      of(lng).total += clips;
    },
    /** One clip of `lng` is ready (rendered or taken from the cache). */
    done(lng: string): void {
      of(lng).done += 1;
    },
    /** Where the renderings are counted (the build's render pool). */
    renders(source: () => RenderWork): void {
      work = source;
    },
    /** Clips ready and needed over all languages. */
    counts: () => ({ done: sum('done'), total: sum('total') }),
    /**
     * "audio packs: 412 of 1,435 clips (29 %), nl 180/180 · en 120/180 · …; 96 to render, about 40 s left". The time
     * left is left out until a few renderings give a rate to go by.
     */
    line(): string {
      const done = sum('done');
      const total = sum('total');
      const elapsed = (now() - started) / 1000;
      const per = [...langs].map(([lng, p]) => `${lng} ${p.done}/${p.total}`).join(' · ');
      const pct = total ? Math.floor((done / total) * 100) : 100;
      const { rendered, waiting } = work();
      const rate = elapsed > 0 && rendered >= 3 ? rendered / elapsed : 0;
      const left =
        waiting > 0
          ? `; ${waiting.toLocaleString('en')} to render${rate > 0 ? `, about ${duration(waiting / rate)} left` : ''}`
          : '';
      return `audio packs: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} clips (${pct} %), ${per}${left}`;
    },
  };
}

/** What a progress tracker offers the build (scripts/audio/buildPacks.ts). */
export type PackProgress = ReturnType<typeof packProgress>;

/** Seconds as people say them: "40 s", "3 min 10 s". */
export function duration(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest ? `${m} min ${rest} s` : `${m} min`;
}
