// How a migration runs: the strategy and the size of the cutover's restart batches. Pure.

export type Strategy = 'staged' | 'direct';
export type CutoverBatch = { kind: 'percent'; value: number } | { kind: 'count'; value: number };

/** How many agents one cutover batch restarts out of `total` (at least 1). */
export function batchSize(batch: CutoverBatch, total: number): number {
  const n = batch.kind === 'count' ? batch.value : Math.ceil((batch.value * total) / 100);
  return Math.max(1, Math.min(total, n));
}
