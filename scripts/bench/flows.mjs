// 1. Flow verdict: generated jsonpb captures, the action's analyseFile against jq, a plain
// readline + JSON.parse, and grep -c, each in its own process, the minimum time of several runs.
import { rmSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { maxOf, minOf, run, runWorker } from './measure.mjs';
import { profileWorker } from './profile.mjs';

export const JQ_FILTER = 'select(.flow.trace_observation_point=="TO_OVERLAY")';
export const GREP_PATTERN = '"trace_observation_point":"TO_OVERLAY"';
/** bytes per generated flow line, measured: 110.9 MB for 100 000 flows */
const BYTES_PER_FLOW = 1110;
export const TARGETS = { jqRatio: 8, grepRatio: 5, rssMb: 100, rssSpreadMb: 10 };
const COUNT_FIELDS = ['flowsObserved', 'overlayFlows', 'crossNodeFlows', 'lostEvents'];

/**
 * @param {{ entry: string, sizes: number[], runs: number, tmp: string, jq: string | undefined, log: (s: string) => void, profile: boolean }} o
 *   sizes ascending; profile: profile the analyser on the largest size even when it meets its targets
 */
export async function benchFlows(o) {
  const sizes = [];
  const errors = [];
  const notes = [];
  let targets = [];
  let profile;
  for (const flows of o.sizes) {
    const need = Math.ceil(flows * BYTES_PER_FLOW * 1.1) + 64 * 2 ** 20;
    const st = statfsSync(o.tmp);
    const free = Number(st.bavail) * Number(st.bsize);
    if (free < need) {
      const msg = `${fmtFlows(flows)} flows skipped: the capture needs about ${mb(need)} MB in ${o.tmp}, only ${mb(free)} MB are free`;
      o.log(msg);
      notes.push(msg);
      continue;
    }
    const file = path.join(o.tmp, `capture-${flows}.jsonl`);
    try {
      o.log(`flows: generating ${fmtFlows(flows)} flows`);
      const { result: truth } = await runWorker(o.entry, ['generate', file, String(flows), '1']);
      const runs = { analyse: [], readline: [], jq: [], grep: [] };
      for (let i = 0; i < o.runs; i++) {
        o.log(`flows: ${fmtFlows(flows)} run ${i + 1}/${o.runs}`);
        // interleaved, so a burst of load from elsewhere on the machine hits one run of each, not all of one
        for (const cmd of ['analyse', 'readline']) {
          const { result, ms } = await runWorker(o.entry, [cmd, file]);
          runs[cmd].push({
            ms: result.ms,
            wallMs: ms,
            rssKb: result.maxRssKb,
            counts: result.counts,
            fullyParsedLines: result.fullyParsedLines,
          });
        }
        if (o.jq) {
          const r = await run('/bin/sh', ['-c', `jq -c '${JQ_FILTER}' "$1" | wc -l`, 'sh', file], { rss: true });
          if (r.code !== 0) throw new Error(`jq failed (exit ${r.code}): ${r.stderr.trim()}`);
          runs.jq.push({ ms: r.ms, wallMs: r.ms, rssKb: r.rssKb, overlay: Number(r.stdout.trim()) });
        }
        const g = await run('grep', ['-c', GREP_PATTERN, file], { rss: true });
        if (g.code > 1) throw new Error(`grep failed (exit ${g.code}): ${g.stderr.trim()}`);
        runs.grep.push({ ms: g.ms, wallMs: g.ms, rssKb: g.rssKb, overlay: Number(g.stdout.trim()) });
      }
      const size = summarise(flows, truth, runs);
      errors.push(...checkCounts(size, runs, Boolean(o.jq)));
      if (size.grep.overlay !== size.truth.overlayFlows) {
        notes.push(
          `${fmtFlows(flows)} flows: grep -c counts ${size.grep.overlay} lines, the flows at TO_OVERLAY are ${size.truth.overlayFlows}: it matches text, not the field`,
        );
      }
      sizes.push(size);
      // the largest capture: judge the targets, and profile the analyser while the file is still there
      if (flows === Math.max(...o.sizes)) {
        targets = judgeTargets(sizes, size, errors);
        if (o.profile || targets.some((t) => t.met === false)) {
          o.log(`flows: profiling the analyser on ${fmtFlows(flows)} flows`);
          profile = { flows, ...(await profileWorker(o.entry, ['analyse', file])) };
        }
      }
    } finally {
      rmSync(file, { force: true });
    }
  }
  if (targets.length === 0 && sizes.length > 0) targets = judgeTargets(sizes, sizes.at(-1), errors);
  return { sizes, targets, errors, notes, profile };
}

function summarise(flows, truth, runs) {
  const node = (rs) => ({
    ms: minOf(rs, (r) => r.ms),
    wallMs: minOf(rs, (r) => r.wallMs),
    rssKb: maxOf(rs, (r) => r.rssKb ?? 0) || undefined,
    counts: rs[0].counts,
  });
  const tool = (rs) =>
    rs.length === 0
      ? undefined
      : {
          ms: minOf(rs, (r) => r.ms),
          wallMs: minOf(rs, (r) => r.wallMs),
          rssKb: maxOf(rs, (r) => r.rssKb ?? 0) || undefined,
          overlay: rs[0].overlay,
        };
  return {
    flows,
    bytes: truth.bytes,
    lines: truth.lines,
    truth,
    analyse: { ...node(runs.analyse), fullyParsedLines: runs.analyse[0].fullyParsedLines },
    readline: node(runs.readline),
    jq: tool(runs.jq),
    grep: tool(runs.grep),
  };
}

/** Every run's counts must be those of the full parse and of the generator: anything else is a bug. */
export function checkCounts(size, runs, haveJq) {
  const errs = [];
  const at = `${fmtFlows(size.flows)} flows`;
  for (const f of COUNT_FIELDS) {
    for (const [name, rs] of [
      ['analyseFile', runs.analyse],
      ['readline + JSON.parse', runs.readline],
    ]) {
      for (const r of rs) {
        if (r.counts[f] !== size.truth[f]) errs.push(`${at}: ${name} counts ${f} = ${r.counts[f]}, the capture holds ${size.truth[f]}`);
      }
    }
  }
  for (const r of runs.analyse)
    if (r.counts.malformedLines !== 0)
      errs.push(`${at}: analyseFile reports ${r.counts.malformedLines} malformed lines in a well-formed capture`);
  if (haveJq)
    for (const r of runs.jq)
      if (r.overlay !== size.readline.counts.overlayFlows)
        errs.push(`${at}: jq counts ${r.overlay} TO_OVERLAY flows, the full parse ${size.readline.counts.overlayFlows}`);
  return [...new Set(errs)];
}

/** The speed targets are for 1M flows; on smaller captures Node's warm-up dominates and they are not judged. */
export const TARGET_FLOWS = 1_000_000;

function judgeTargets(sizes, largest, errors) {
  const t = [];
  const on = `${fmtFlows(largest.flows)} flows`;
  const judged = largest.flows >= TARGET_FLOWS;
  const notJudged = `not judged: the targets are for ${fmtFlows(TARGET_FLOWS)} flows`;
  const jqRatio = largest.jq ? largest.jq.ms / largest.analyse.ms : undefined;
  t.push({
    what: `flow verdict ≥ ${TARGETS.jqRatio}× jq's throughput (${on})`,
    measured: jqRatio === undefined ? 'jq not installed' : `${jqRatio.toFixed(1)}×`,
    met: jqRatio === undefined || !judged ? undefined : jqRatio >= TARGETS.jqRatio,
    note: jqRatio === undefined ? 'not measured' : notJudged,
  });
  const grepRatio = largest.analyse.ms / largest.grep.ms;
  t.push({
    what: `flow verdict within ${TARGETS.grepRatio}× of grep -c's time (${on})`,
    measured: `${grepRatio.toFixed(1)}×`,
    met: judged ? grepRatio <= TARGETS.grepRatio : undefined,
    note: notJudged,
  });
  const rss = sizes.map((s) => s.analyse.rssKb / 1024);
  const peak = Math.max(...rss);
  t.push({ what: `flow verdict peak RSS < ${TARGETS.rssMb} MB`, measured: `${peak.toFixed(0)} MB`, met: peak < TARGETS.rssMb });
  if (sizes.length > 1) {
    const spread = peak - Math.min(...rss);
    t.push({
      what: `flow verdict peak RSS flat across sizes (spread ≤ ${TARGETS.rssSpreadMb} MB)`,
      measured: `${spread.toFixed(1)} MB (${rss.map((r) => r.toFixed(0)).join(' / ')} MB)`,
      met: spread <= TARGETS.rssSpreadMb,
    });
  }
  t.push({
    what: 'counts identical to a full parse (every size, every run)',
    measured: errors.length === 0 ? 'identical' : `${errors.length} differences`,
    met: errors.length === 0,
  });
  return t;
}

export const fmtFlows = (n) => (n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n));
const mb = (b) => (b / 1e6).toFixed(0);
