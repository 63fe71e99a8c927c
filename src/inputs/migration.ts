// The migration inputs (strategy, cutover-batch, probe-pairs, max-disruption): their syntax. Kept
// apart from config.ts so that file stays one list of inputs; `get` gives action.yml's default for
// an empty input (max-disruption's is empty: only measure).
import type { Bad } from '../errors.js';
import type { InputName } from './defaults.js';
import type { CutoverBatch, Strategy } from '../migration/strategy.js';

export interface MigrationInputs {
  strategy: Strategy;
  cutoverBatch: CutoverBatch;
  probePairs: number;
  maxDisruptionSeconds: number | undefined;
}

const show = (s: string): string => JSON.stringify(s).slice(1, -1);

export function parseMigrationInputs(get: (name: InputName) => string, bad: Bad): MigrationInputs {
  const strategy = get('strategy');
  if (strategy !== 'staged' && strategy !== 'direct') bad('strategy', `"${show(strategy)}" is not a strategy`, 'use staged or direct');
  const batch = get('cutover-batch');
  const cutoverBatch =
    parseBatch(batch) ??
    bad(
      'cutover-batch',
      `"${show(batch)}" is neither a percentage from 1% to 100% nor a count of 1 or more`,
      'give a percentage such as 100% or 25%, or a number of agents such as 10',
    );
  const pairs = get('probe-pairs');
  const probePairs = /^\d{1,3}$/.test(pairs)
    ? Number(pairs)
    : bad(
        'probe-pairs',
        `"${show(pairs)}" is not a whole number from 0 to 999`,
        'give the number of node pairs to probe, e.g. 3 (0: no continuous probe)',
      );
  const max = get('max-disruption');
  let maxDisruptionSeconds: number | undefined;
  if (max) {
    if (/^\d+(\.\d+)?s?$/.test(max)) maxDisruptionSeconds = Number(max.replace(/s$/, ''));
    else
      bad(
        'max-disruption',
        `"${show(max)}" is not a number of seconds`,
        'give seconds such as 5 or 2.5, or leave it empty to only measure',
      );
  }
  if (maxDisruptionSeconds !== undefined && probePairs === 0)
    bad(
      'max-disruption',
      'needs the continuous probe, but probe-pairs is 0',
      'set probe-pairs to 1 or more, or leave max-disruption empty',
    );
  return { strategy: strategy as Strategy, cutoverBatch: cutoverBatch!, probePairs: probePairs!, maxDisruptionSeconds };
}

function parseBatch(s: string): CutoverBatch | undefined {
  const pct = /^(\d{1,3})%$/.exec(s);
  if (pct) {
    const v = Number(pct[1]);
    return v >= 1 && v <= 100 ? { kind: 'percent', value: v } : undefined;
  }
  if (/^\d{1,6}$/.test(s) && Number(s) >= 1) return { kind: 'count', value: Number(s) };
  return undefined;
}
