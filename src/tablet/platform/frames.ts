/** Animation frames wrapped: lets work wait until the screen it follows has been painted. */

/**
 * Runs `fn` once, after the next frame has been painted (a frame, then a task). A hidden page gets no frames, so a
 * timer runs it after `latestMs` at the latest: a tablet started in the background still syncs.
 */
export function afterNextPaint(fn: () => void, latestMs = 1000): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, latestMs);
}
