/**
 * Cuts a timeline into runs wherever nothing was shot for longer than `gapMs`. The timeline
 * is every camera's photos merged, so two photographers shooting the same event keep each
 * other's runs going; midnight is no cut of its own, so a show from 20:00 to 01:30 stays whole.
 *
 * `times[i]` and `ids[i]` describe item i. Returns each run as item indices in time order (ties
 * by id, so the order is the same on every call). Items whose time is NaN are left out: they
 * have no place on a timeline.
 */
export function groupByTime(
  times: ArrayLike<number>,
  ids: ArrayLike<number>,
  gapMs: number,
): number[][] {
  const order: number[] = [];
  for (let i = 0; i < times.length; i++) if (!Number.isNaN(times[i])) order.push(i);
  order.sort((a, b) => times[a]! - times[b]! || ids[a]! - ids[b]!);

  const runs: number[][] = [];
  let run: number[] = [];
  let previous = -Infinity;
  for (const i of order) {
    const t = times[i]!;
    if (run.length > 0 && t - previous > gapMs) {
      runs.push(run);
      run = [];
    }
    run.push(i);
    previous = t;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
