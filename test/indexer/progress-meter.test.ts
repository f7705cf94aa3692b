import { describe, expect, it } from 'vitest';
import { ProgressMeter } from '../../electron/indexer/progress-meter';

describe('the progress meter', () => {
  it('counts what a tick says, over the last seconds only', () => {
    let now = 0;
    const meter = new ProgressMeter(5000, () => now);
    expect(meter.rate()).toBe(0);
    now = 500;
    meter.tick(4_000_000); // a backup's steps: 4 MB each
    now = 1000;
    meter.tick(4_000_000);
    // 8 MB in the second since the start.
    expect(meter.rate()).toBe(8_000_000);
    expect(meter.eta(16_000_000)).toBe(2);
    // The first step leaves the window: 4 MB over its 5 s.
    now = 5800;
    expect(meter.rate()).toBe(800_000);
    now = 7000;
    expect(meter.rate()).toBe(0);
    expect(meter.eta(1)).toBeNull();
    expect(meter.eta(0)).toBe(0);
  });

  it('needs two completions before it tells a rate, as files come one by one', () => {
    let now = 0;
    const meter = new ProgressMeter(5000, () => now);
    now = 250;
    meter.tick();
    now = 500;
    expect(meter.rate()).toBe(0);
    meter.tick();
    // Two files in the half second since the start.
    expect(meter.rate()).toBe(4);
  });
});
