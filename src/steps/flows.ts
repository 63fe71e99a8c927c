// The flows check: the verdict over a saved capture (flows-file) or over live Hubble captures.
import * as core from '@actions/core';
import { analyseFile, analyseStreams, type FlowSource } from '../verify/flows/analyse.js';
import type { FlowStats } from '../verify/flows/types.js';
import { flowVerdict } from '../verify/flows/verdict.js';
import type { FlowSummary } from '../report/report.js';
import type { RunContext } from './context.js';

function summariseFlows(ctx: RunContext, stats: FlowStats, source: string): FlowSummary {
  const v = flowVerdict(stats, { maxOverlayFlows: ctx.config.maxOverlayFlows, minFlows: ctx.config.minFlows });
  for (const w of v.warnings) {
    core.warning(w);
    ctx.report.warnings.push(w);
  }
  return {
    source,
    flowsObserved: stats.flowsObserved,
    crossNodeFlows: stats.crossNodeFlows,
    overlayFlows: stats.overlayFlows,
    lostEvents: stats.lostEvents,
    malformedLines: stats.malformedLines,
    byObservationPoint: stats.byObservationPoint,
    overlayExamples: stats.overlayExamples.map((e) => ({ source: e.source, destination: e.destination, node: e.node, time: e.time })),
    verdict: v.verdict,
    reason: v.reason,
  };
}

export async function flowsFromFile(ctx: RunContext, file: string): Promise<FlowSummary> {
  return summariseFlows(ctx, await analyseFile(file), `flows-file ${file}`);
}

export async function flowsFromStreams(ctx: RunContext, sources: FlowSource[], label: string): Promise<FlowSummary> {
  return summariseFlows(ctx, await analyseStreams(sources), label);
}
