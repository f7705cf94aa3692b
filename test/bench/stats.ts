/** The value at quantile `q` (0–1) of `values`, by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('quantile() of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export const millis = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
