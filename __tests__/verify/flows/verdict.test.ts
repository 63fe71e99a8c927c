import { describe, expect, it } from 'vitest';
import { flowVerdict, type FlowStats } from '../../../src/verify/flows/index.js';
import { emptyStats } from '../../../src/verify/flows/stats.js';

const stats = (p: Partial<FlowStats>): FlowStats => ({ ...emptyStats(), ...p });

describe('flowVerdict', () => {
  it('fails on more to-overlay flows than allowed, whatever else was seen', () => {
    const v = flowVerdict(stats({ flowsObserved: 10, overlayFlows: 1, crossNodeFlows: 0 }), { maxOverlayFlows: 0, minFlows: 1 });
    expect(v).toEqual({
      verdict: 'fail',
      reason: '1 flow left a node through the overlay (to-overlay), more than max-overlay-flows (0): traffic is still tunnelled',
      warnings: [],
    });
  });

  it('allows up to max-overlay-flows', () => {
    const s = stats({ flowsObserved: 10, overlayFlows: 3, crossNodeFlows: 3 });
    expect(flowVerdict(s, { maxOverlayFlows: 3, minFlows: 1 })).toEqual({
      verdict: 'pass',
      reason: '3 cross-node pod-to-pod flows seen, 3 to-overlay, within max-overlay-flows (3)',
      warnings: [],
    });
    expect(flowVerdict(s, { maxOverlayFlows: 2, minFlows: 1 }).verdict).toBe('fail');
  });

  it('is inconclusive below min-flows: no evidence is not a pass', () => {
    expect(flowVerdict(stats({}), { maxOverlayFlows: 0, minFlows: 1 })).toEqual({
      verdict: 'inconclusive',
      reason:
        '0 cross-node pod-to-pod flows seen (of 0 flows), fewer than min-flows (1): no evidence that traffic between nodes is routed natively',
      warnings: [],
    });
    const s = stats({ flowsObserved: 50, crossNodeFlows: 4 });
    expect(flowVerdict(s, { maxOverlayFlows: 0, minFlows: 5 }).verdict).toBe('inconclusive');
    expect(flowVerdict(s, { maxOverlayFlows: 0, minFlows: 4 }).verdict).toBe('pass');
    // min-flows 0 is the user's choice to accept no evidence
    expect(flowVerdict(stats({}), { maxOverlayFlows: 0, minFlows: 0 }).verdict).toBe('pass');
  });

  it('warns about lost events and unreadable lines without changing the verdict', () => {
    const v = flowVerdict(
      stats({
        flowsObserved: 20,
        crossNodeFlows: 5,
        lostEvents: 12,
        malformedLines: 2,
        malformedExamples: [{ stream: 1, line: 7, text: 'garbage' }],
      }),
      { maxOverlayFlows: 0, minFlows: 1 },
    );
    expect(v.verdict).toBe('pass');
    expect(v.warnings).toHaveLength(2);
    expect(v.warnings[0]).toMatch(/^Hubble reported 12 lost events during the capture/);
    expect(v.warnings[1]).toBe('2 lines could not be read and were skipped (first: stream 2, line 7: garbage)');
  });

  it('is inconclusive when Hubble lost more events than it delivered flows, however good the flows look', () => {
    const good = { flowsObserved: 100, crossNodeFlows: 100 };
    const v = flowVerdict(stats({ ...good, lostEvents: 999_999_999 }), { maxOverlayFlows: 0, minFlows: 1 });
    expect(v.verdict).toBe('inconclusive');
    expect(v.reason).toMatch(/^Hubble lost 999999999 events, more than the 100 flows it delivered/);
    // as many lost as seen still passes (with the warning); overlay evidence still fails
    expect(flowVerdict(stats({ ...good, lostEvents: 100 }), { maxOverlayFlows: 0, minFlows: 1 }).verdict).toBe('pass');
    expect(flowVerdict(stats({ ...good, overlayFlows: 1, lostEvents: 10_000 }), { maxOverlayFlows: 0, minFlows: 1 }).verdict).toBe('fail');
  });
});
