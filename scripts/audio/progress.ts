// Build time: how far the audio packs are, per language, and about how long is left (a first build renders for minutes).

/** Counts the clips each language's pack needs and has; `line()` says it in one line for the build's output. */
export function packProgress(now: () => number = () => performance.now()) {
  const langs = new Map<string, { done: number; total: number }>();
  const started = now();
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
    /** Clips ready and needed over all languages. */
    counts: () => ({ done: sum('done'), total: sum('total') }),
    /**
     * "audio packs: 412 of 1,435 clips (29 %), nl 180/180 · en 120/180 · …, about 2 min left". The time left is the
     * clips still needed at the rate since the start; it is left out until there is a rate to go by.
     */
    line(): string {
      const done = sum('done');
      const total = sum('total');
      const elapsed = (now() - started) / 1000;
      const per = [...langs].map(([lng, p]) => `${lng} ${p.done}/${p.total}`).join(' · ');
      const pct = total ? Math.floor((done / total) * 100) : 100;
      const rate = elapsed >= 1 && done >= 10 ? done / elapsed : 0;
      const left =
        rate > 0 && done < total ? `, about ${duration((total - done) / rate)} left` : '';
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
