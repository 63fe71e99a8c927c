// The flow verdict. No evidence is not a pass: too few cross-node flows is `inconclusive`, which the
// action treats as a failure.
import type { FlowStats } from './types.js';

export interface FlowVerdictOptions {
  /** `max-overlay-flows`: more to-overlay flows than this fails */
  maxOverlayFlows: number;
  /** `min-flows`: fewer cross-node pod-to-pod flows than this is inconclusive */
  minFlows: number;
}

export interface FlowVerdict {
  verdict: 'pass' | 'fail' | 'inconclusive';
  reason: string;
  /** lost events and unreadable lines: the user should know of them (more lost events than flows: inconclusive) */
  warnings: string[];
}

export function flowVerdict(stats: FlowStats, opts: FlowVerdictOptions): FlowVerdict {
  const warnings: string[] = [];
  if (stats.lostEvents > 0) {
    warnings.push(
      `Hubble reported ${plural(stats.lostEvents, 'lost event')} during the capture: the counts may miss flows ` +
        '(a busy node overflows its Hubble ring buffer; capture a shorter window or raise hubble.eventBufferCapacity)',
    );
  }
  if (stats.malformedLines > 0) {
    const first = stats.malformedExamples[0];
    warnings.push(
      `${plural(stats.malformedLines, 'line')} could not be read and ${stats.malformedLines === 1 ? 'was' : 'were'} skipped` +
        (first ? ` (first: stream ${first.stream + 1}, line ${first.line}: ${first.text})` : ''),
    );
  }

  if (stats.overlayFlows > opts.maxOverlayFlows) {
    return {
      verdict: 'fail',
      reason:
        `${plural(stats.overlayFlows, 'flow')} left a node through the overlay (to-overlay), ` +
        `more than max-overlay-flows (${opts.maxOverlayFlows}): traffic is still tunnelled`,
      warnings,
    };
  }
  // Hubble dropped more than it delivered: what was seen cannot stand for what happened.
  if (stats.lostEvents > stats.flowsObserved) {
    return {
      verdict: 'inconclusive',
      reason:
        `Hubble lost ${plural(stats.lostEvents, 'event')}, more than the ${plural(stats.flowsObserved, 'flow')} it delivered: ` +
        'the capture cannot show how traffic left the nodes (capture a shorter window or raise hubble.eventBufferCapacity)',
      warnings,
    };
  }
  if (stats.crossNodeFlows < opts.minFlows) {
    return {
      verdict: 'inconclusive',
      reason:
        `${plural(stats.crossNodeFlows, 'cross-node pod-to-pod flow')} seen (of ${plural(stats.flowsObserved, 'flow')}), ` +
        `fewer than min-flows (${opts.minFlows}): no evidence that traffic between nodes is routed natively`,
      warnings,
    };
  }
  const overlay =
    stats.overlayFlows === 0
      ? 'none went through the overlay'
      : `${stats.overlayFlows} to-overlay, within max-overlay-flows (${opts.maxOverlayFlows})`;
  return {
    verdict: 'pass',
    reason: `${plural(stats.crossNodeFlows, 'cross-node pod-to-pod flow')} seen, ${overlay}`,
    warnings,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
