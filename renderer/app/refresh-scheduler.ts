/**
 * Coalesces "something changed" signals into refreshes: at most one at a time, each at least
 * `minDelayMs` after the signal, and spaced by as long as the last one took. A catalog of a
 * million photos being indexed then costs its host at most half its time in refreshes.
 */
export function createRefreshScheduler(refresh: () => Promise<void>, minDelayMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let requestedWhileRunning = false;
  let lastDurationMs = 0;

  const run = async () => {
    timer = undefined;
    running = true;
    const started = performance.now();
    try {
      await refresh();
    } finally {
      lastDurationMs = performance.now() - started;
      running = false;
      if (requestedWhileRunning) {
        requestedWhileRunning = false;
        request();
      }
    }
  };

  function request(): void {
    if (running) requestedWhileRunning = true;
    else timer ??= setTimeout(() => void run(), Math.max(minDelayMs, lastDurationMs));
  }

  return {
    request,
    cancel(): void {
      clearTimeout(timer);
      timer = undefined;
      requestedWhileRunning = false;
    },
  };
}
