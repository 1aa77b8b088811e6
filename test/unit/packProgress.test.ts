// What the build says while it renders the audio packs: clips per language and about how long is left.
import { describe, expect, it } from 'vitest';
import { duration, packProgress } from '../../scripts/audio/progress.ts';

describe('audio pack progress', () => {
  it('counts each language and estimates the time left from the rate so far', () => {
    let t = 0;
    const p = packProgress(() => t);
    p.expect('nl', 100);
    p.expect('ar', 100);
    for (let i = 0; i < 50; i++) p.done('nl');
    t = 10_000; // 50 clips in 10 s: 150 left at 5 a second
    expect(p.line()).toBe(
      'audio packs: 50 of 200 clips (25 %), nl 50/100 · ar 0/100, about 30 s left',
    );
    for (let i = 0; i < 50; i++) p.done('nl');
    for (let i = 0; i < 100; i++) p.done('ar');
    expect(p.line()).toBe('audio packs: 200 of 200 clips (100 %), nl 100/100 · ar 100/100');
    expect(p.counts()).toEqual({ done: 200, total: 200 });
  });

  it('gives no time left before there is a rate to go by', () => {
    let t = 0;
    const p = packProgress(() => t);
    p.expect('en', 1435);
    p.done('en');
    t = 200;
    expect(p.line()).toBe('audio packs: 1 of 1,435 clips (0 %), en 1/1435');
  });

  it('says durations as people do', () => {
    expect(duration(0.2)).toBe('1 s');
    expect(duration(40)).toBe('40 s');
    expect(duration(120)).toBe('2 min');
    expect(duration(190.4)).toBe('3 min 10 s');
  });
});
