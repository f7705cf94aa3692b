/** The value seen most often, a tie going to the one seen first; null when there is none. */
export function mostCommon<T>(values: Iterable<T | null>): T | null {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let bestCount = 0;
  // Maps iterate in insertion order, so a later value must beat, not match, the leader.
  for (const [v, n] of counts) {
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/** Distinct non-null values, most common first, ties in the order first seen. */
export function byFrequency<T>(values: Iterable<T | null>): T[] {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  // Array.prototype.sort is stable, so equal counts keep first-seen order.
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
}
