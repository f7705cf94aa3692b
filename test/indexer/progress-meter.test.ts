import { describe, expect, it } from 'vitest';
import { ProgressMeter } from '../../electron/indexer/progress-meter';

describe('the progress meter', () => {
  it('counts what a tick says, over the last seconds only', () => {
    let now = 0;
    const meter = new ProgressMeter(5000, () => now);
    expect(meter.rate()).toBe(0);
    meter.tick(4_000_000); // a backup's first step: 4 MB
    now = 1000;
    meter.tick(4_000_000);
    expect(meter.rate()).toBe(8_000_000);
    expect(meter.eta(16_000_000)).toBe(2);
    // The first tick leaves the window: the rate follows the step still in it.
    now = 5500;
    expect(meter.rate()).toBeCloseTo(4_000_000 / 4.5, 0);
    now = 7000;
    expect(meter.rate()).toBe(0);
    expect(meter.eta(1)).toBeNull();
    expect(meter.eta(0)).toBe(0);
  });

  it('needs two completions before it tells a rate, as files come one by one', () => {
    let now = 0;
    const meter = new ProgressMeter(5000, () => now);
    meter.tick();
    now = 500;
    expect(meter.rate()).toBe(0);
    meter.tick();
    expect(meter.rate()).toBe(4);
  });
});
