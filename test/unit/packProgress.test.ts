// What the build says while it renders the audio packs: clips per language, what is left to render and how long.
import { describe, expect, it } from 'vitest';
import { duration, packProgress } from '../../scripts/audio/progress.ts';

describe('audio pack progress', () => {
  it('counts each language and estimates the time left from what is still to render', () => {
    let t = 0;
    const work = { rendered: 0, waiting: 0 };
    const p = packProgress(() => t);
    p.renders(() => work);
    p.expect('nl', 100);
    p.expect('ar', 100);
    // Cached clips are ready at once; 60 renderings are asked for.
    for (let i = 0; i < 140; i++) p.done(i < 90 ? 'nl' : 'ar');
    work.waiting = 60;
    expect(p.line()).toBe(
      'audio packs: 140 of 200 clips (70 %), nl 90/100 · ar 50/100; 60 to render',
    );
    t = 10_000; // 20 rendered in 10 s, 40 to go at 2 a second
    work.rendered = 20;
    work.waiting = 40;
    for (let i = 0; i < 20; i++) p.done(i < 10 ? 'nl' : 'ar');
    expect(p.line()).toBe(
      'audio packs: 160 of 200 clips (80 %), nl 100/100 · ar 60/100; 40 to render, about 20 s left',
    );
    work.waiting = 0;
    for (let i = 0; i < 40; i++) p.done('ar');
    expect(p.line()).toBe('audio packs: 200 of 200 clips (100 %), nl 100/100 · ar 100/100');
    expect(p.counts()).toEqual({ done: 200, total: 200 });
  });

  it('says durations as people do', () => {
    expect(duration(0.2)).toBe('1 s');
    expect(duration(40)).toBe('40 s');
    expect(duration(120)).toBe('2 min');
    expect(duration(190.4)).toBe('3 min 10 s');
  });
});
