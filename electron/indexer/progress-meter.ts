/**
 * Rate and time left for a stream of completions, over a sliding window so the figure follows
 * the work being done now (a folder of HEICs after a folder of small JPEGs) rather than the
 * run's average. A tick may count many at once (a batch of sidecars, the bytes of a step).
 */
export class ProgressMeter {
  /** When each tick happened, and how many it counted. */
  private readonly stamps: { at: number; count: number }[] = [];
  private counted = 0;
  private readonly started: number;

  constructor(
    private readonly windowMs = 5000,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  tick(count = 1): void {
    const t = this.now();
    if (count > 0) {
      this.stamps.push({ at: t, count });
      this.counted += count;
    }
    this.trim(t);
  }

  /**
   * Completions per second: what was done over the window, or since the start when that is
   * shorter (0 until two have happened).
   */
  rate(): number {
    const t = this.now();
    this.trim(t);
    if (this.counted < 2) return 0;
    const span = Math.max(t - Math.max(this.started, t - this.windowMs), 250);
    return (this.counted * 1000) / span;
  }

  /** Seconds to finish `remaining` at the current rate, or null when the rate is unknown. */
  eta(remaining: number): number | null {
    if (remaining <= 0) return 0;
    const rate = this.rate();
    return rate > 0 ? Math.ceil(remaining / rate) : null;
  }

  private trim(t: number): void {
    const from = t - this.windowMs;
    let drop = 0;
    while (drop < this.stamps.length && this.stamps[drop]!.at < from)
      this.counted -= this.stamps[drop++]!.count;
    if (drop) this.stamps.splice(0, drop);
  }
}
