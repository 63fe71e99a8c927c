// BENCHMARKS.md: one markdown text, also printed.
import { fmtFlows, GREP_PATTERN, JQ_FILTER } from './flows.mjs';

const ms = (v) =>
  v === undefined ? '—' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`;
const mbps = (bytes, t) => `${(bytes / 1e6 / (t / 1000)).toFixed(0)} MB/s`;
const mib = (kb) => (kb === undefined ? '—' : `${(kb / 1024).toFixed(0)} MB`);
const x = (v) => (v === undefined || !Number.isFinite(v) ? '—' : `${v >= 10 ? v.toFixed(0) : v.toFixed(2)}×`);
const yes = (m, note) => (m === undefined ? (note ?? 'not measured') : m ? 'yes' : '**no**');
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export function render(r) {
  const m = r.machine;
  const out = [];
  out.push('# Benchmarks', '');
  out.push(
    `Written by \`${r.command}\` (scripts/bench.mjs) on ${m.date}, in ${(r.elapsedMs / 60_000).toFixed(1)} minutes. Do not edit by hand; run the bench again.`,
    '',
  );
  out.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB memory; ${m.os}; Node ${m.node}. ` +
      `Load average when the bench started: ${m.load.toFixed(2)} (the machine is shared, so figures that spawn many processes vary from run to run).`,
    '',
  );
  out.push(
    `Every figure is the minimum of ${r.runs === 1 ? 'one run' : `${r.runs} runs`} (peak RSS: the largest of the runs), taken in the same bench run as the baseline it is compared with. ` +
      'Tools: ' +
      [r.tools.jq ?? 'jq: not installed', r.tools.grep ?? 'grep: ?', `bash: ${r.tools.bash ? 'yes' : 'no'}`].join(', ') +
      '.',
    '',
  );

  out.push('## Targets', '');
  out.push(
    table(
      ['target', 'measured', 'met'],
      r.targets.map((t) => [t.what, t.measured, yes(t.met, t.note)]),
    ),
    '',
  );
  if (r.errors.length) out.push('**Errors** (the bench exits non-zero):', '', ...r.errors.map((e) => `- ${e.replace(/\n/g, ' ')}`), '');

  if (r.flows) out.push(...flowsSection(r));
  if (r.fleet) out.push(...fleetSection(r));
  if (r.startup) out.push(...startupSection(r));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function flowsSection(r) {
  const f = r.flows;
  const out = ['## 1. Flow verdict', ''];
  out.push(
    'Captures: `hubble observe -o jsonpb` lines from `__tests__/fixtures/flows/generate.ts` (seed 1, 3 nodes; about 0.5 % of flows `TO_OVERLAY`, ' +
      'a quarter leaving a node, L7 flows whose URLs quote `\\"trace_observation_point\\":\\"TO_OVERLAY\\"`, labels holding the word, a `lost_events` line every 50 000 flows), ' +
      'written to a temporary folder, read from the page cache, deleted after their size.',
    '',
    '- **action**: `analyseFile` from `src/verify/flows` (chunked byte scan; lines it cannot classify are parsed in full), in a Node child process. ' +
      "Its time is taken inside the process around the call, as the action pays it (the action is already running); the child process's whole wall time, Node start-up included, is in brackets.",
    '- **readline + JSON.parse**: `readline` over a read stream, `JSON.parse` of every line, the same counts (the full-parse reference); timed the same way.',
    `- **jq**: \`jq -c '${JQ_FILTER}' FILE | wc -l\`, whole process time.`,
    `- **grep -c**: \`grep -c '${GREP_PATTERN}' FILE\`, whole process time: the raw scan limit of the machine, not a parser.`,
    "- **÷ action**: the tool's time divided by the action's (above 1: the action is that many times faster). Peak RSS: `process.resourceUsage().maxRSS` of the child; GNU time for jq and grep.",
    '',
  );
  const rows = [];
  for (const s of f.sizes) {
    const a = s.analyse;
    const first = [fmtFlows(s.flows), `${(s.bytes / 1e6).toFixed(0)} MB`];
    const blank = ['', ''];
    rows.push([
      ...first,
      'action (analyseFile)',
      `${ms(a.ms)} (${ms(a.wallMs)})`,
      mbps(s.bytes, a.ms),
      '1',
      mib(a.rssKb),
      String(a.counts.overlayFlows),
      String(a.counts.crossNodeFlows),
    ]);
    rows.push([
      ...blank,
      'readline + JSON.parse',
      `${ms(s.readline.ms)} (${ms(s.readline.wallMs)})`,
      mbps(s.bytes, s.readline.ms),
      x(s.readline.ms / a.ms),
      mib(s.readline.rssKb),
      String(s.readline.counts.overlayFlows),
      String(s.readline.counts.crossNodeFlows),
    ]);
    if (s.jq)
      rows.push([
        ...blank,
        'jq … \\| wc -l',
        ms(s.jq.ms),
        mbps(s.bytes, s.jq.ms),
        x(s.jq.ms / a.ms),
        mib(s.jq.rssKb),
        String(s.jq.overlay),
        '—',
      ]);
    else rows.push([...blank, 'jq … \\| wc -l', 'not installed', '—', '—', '—', '—', '—']);
    rows.push([
      ...blank,
      'grep -c',
      ms(s.grep.ms),
      mbps(s.bytes, s.grep.ms),
      x(s.grep.ms / a.ms),
      mib(s.grep.rssKb),
      String(s.grep.overlay),
      '—',
    ]);
  }
  out.push(table(['flows', 'capture', 'tool', 'time', 'throughput', '÷ action', 'peak RSS', 'TO_OVERLAY', 'cross-node'], rows), '');
  const parsed = f.sizes.map((s) => `${fmtFlows(s.flows)}: ${s.analyse.fullyParsedLines}`).join(', ');
  out.push(
    `Counts: every run of the action and of the full parse gave the generator's exact flows, \`TO_OVERLAY\`, cross-node and lost-event counts${f.errors.length ? ' — **except as listed under Errors**' : ''}; jq's count is compared with the full parse's. ` +
      `Lines the action parsed in full (the first overlay flows, kept as examples, and the \`lost_events\` lines): ${parsed}.`,
    '',
  );
  for (const n of f.notes) out.push(`- ${n}`);
  if (f.notes.length) out.push('');
  if (f.profile) {
    const p = f.profile;
    out.push(
      `### Where the action's time goes (${fmtFlows(p.flows)} flows, \`node --cpu-prof\`, ${ms(p.totalMs)} sampled)`,
      '',
      'Self time per function over the whole worker process, one run. Lines are those of the bench bundle (.bench/worker/index.js, not minified); `read` is the file read, `(idle)` the wait for it.',
      '',
      table(
        ['function (bundle line)', 'self time', 'share'],
        p.top.map((t) => [`\`${t.fn}\``, ms(t.ms), `${(t.share * 100).toFixed(1)} %`]),
      ),
      '',
    );
  }
  return out;
}

function fleetSection(r) {
  const f = r.fleet;
  const out = ['## 2. Fleet verification', ''];
  out.push(
    `${f.nodes} nodes, one Cilium agent each; every exec of \`cilium-dbg status\` answers after ${f.latencyMs} ms. ` +
      `Measured: \`checkAgents\` from \`src/steps/agents.ts\` (credentials, collectAgentStatus, the real \`mapPool\` with AGENT_CONCURRENCY = ${f.concurrency}), parse and judgement included; ` +
      'every run must end with the verdict `pass` and exactly one exec into each agent.',
    '',
    "- **direct** (the default path): the agents check reads the kubeconfig once (`kubectl config view`) and then execs over the API server's exec WebSocket from its own process (`src/cluster/direct-exec.ts`). " +
      'The exec endpoint is a stand-in in a process of its own (`scripts/bench/ws-exec-server.mjs`, v5.channel.k8s.io, a minimal WebSocket server: it stands for a remote many-core API server, so it should take as little of the two cores here as it can): it answers a Cilium 1.18 status text after the latency.',
    `- **kubectl** (the fallback, for kubeconfigs with a proxy or an auth provider): one \`kubectl exec\` process per agent. The kubectl is a stand-in: ${r.tools.bash ? 'a bash script that waits with `read -t` on a FIFO nobody writes to and prints the status text with a builtin: one process per exec' : 'a sh script that runs `sleep` and `cat` with the status text'}; ` +
      'a real kubectl per exec would add its own start-up (about 100 ms of CPU each, below).',
    "- **per-pair checks** (direct): `checkMesh` from `src/steps/mesh.ts` with `checks: health,wireguard-peers,config-delta`: one pool over the agents' reads (AGENT_CONCURRENCY agents' worth, three each), " +
      "an agent's three reads next to each other, each read judged as soon as it is answered. The exec client is the action's own (`src/cluster/exec-socket.ts`); one WebSocket per read, so the connections for the reads that follow are opened while the current ones wait (`src/cluster/warm-sockets.ts`: at most one per read in flight, none beyond the reads still to come). `cilium-health status` and `cilium-dbg debuginfo` are jsonpath queries that print only what the judges read; " +
      `the stand-in answers them, \`-o json\` and \`metrics list\` with what the agents of a ${f.nodes}-node fleet print (\`__tests__/bench/mesh-outputs.ts\`, the queries answered as Cilium's jsonpath does). ` +
      'Every run must pass with exactly three execs into each agent (no agent read again in full JSON).',
    '',
  );
  const rows = [[`ideal: ⌈${f.nodes} / ${f.concurrency}⌉ × ${f.latencyMs} ms`, ms(f.ideal), '1']];
  rows.push([`**agents check, direct** (pool of ${f.concurrency}), ${f.latencyMs} ms per exec`, ms(f.direct.ms), x(f.direct.ms / f.ideal)]);
  rows.push([
    `agents check, kubectl fallback (pool of ${f.concurrency}), ${f.latencyMs} ms per exec`,
    ms(f.pool.ms),
    x(f.pool.ms / f.ideal),
  ]);
  if (f.mesh)
    rows.push([
      `**per-pair checks, direct** (health, wireguard-peers, config-delta: ${f.concurrency} agents' three reads in flight), ${f.latencyMs} ms per exec`,
      ms(f.mesh.ms),
      x(f.mesh.ms / f.ideal),
    ]);
  if (f.serial)
    rows.push([
      `serial loop over the same execs (${f.serial.runs === 1 ? 'one run' : `${f.serial.runs} runs`})`,
      ms(f.serial.ms),
      x(f.serial.ms / f.ideal),
    ]);
  rows.push([
    `agents check, kubectl fallback, 0 ms per exec (stand-in and process cost only)`,
    ms(f.overhead.ms),
    x(f.overhead.ms / f.ideal),
  ]);
  rows.push([
    `process-creation floor: same pool and runProcess running \`/bin/true\` ${f.nodes} times`,
    ms(f.floor.ms),
    x(f.floor.ms / f.ideal),
  ]);
  if (f.kubectl) {
    rows.push([
      `one real kubectl ${f.kubectl.version ?? ''} process (\`kubectl version --client\`, no network)${f.kubectl.cpuMs !== undefined ? `: ${ms(f.kubectl.cpuMs)} of CPU` : ''}`,
      ms(f.kubectl.ms),
      '—',
    ]);
  }
  if (f.slow) {
    const ideal = Math.ceil(f.nodes / f.concurrency) * f.slow.latencyMs;
    rows.push([
      `agents check, kubectl fallback, ${f.slow.latencyMs} ms per exec (a real \`kubectl exec\` round trip; ideal ${ms(ideal)}, ${f.slow.runs === 1 ? 'one run' : `${f.slow.runs} runs`})`,
      ms(f.slow.ms),
      `${x(f.slow.ms / ideal)} of its ideal`,
    ]);
  }
  out.push(table(['run', 'wall time', '÷ ideal'], rows), '');
  const perSpawn = f.floor.ms / f.nodes;
  const cores = r.machine.cores;
  const kubectlFloor = f.kubectl?.cpuMs !== undefined ? (f.nodes * f.kubectl.cpuMs) / cores : undefined;
  out.push(
    `A process costs about ${perSpawn.toFixed(1)} ms of wall time to start here (floor ÷ ${f.nodes}): Node's \`spawn\` forks and execs on the main thread, so ${f.nodes} execs cannot take less than the floor, whatever the concurrency. ` +
      `The kubectl fallback ÷ max(ideal, floor) = ${x(f.pool.ms / Math.max(f.ideal, f.floor.ms))}${f.serial ? `; the serial loop takes ${x(f.serial.ms / f.pool.ms)} the pool's time` : ''}.` +
      (kubectlFloor !== undefined
        ? ` With the real kubectl, ${f.nodes} execs would need at least ${f.nodes} × ${ms(f.kubectl.cpuMs)} of CPU ÷ ${cores} cores = ${ms(kubectlFloor)} on this machine before any network time.`
        : ''),
    '',
  );
  out.push(
    `The target is judged on the direct path. The kubectl fallback cannot meet it here: starting ${f.nodes} processes alone takes ${x(f.floor.ms / f.ideal)} the ideal on this machine, ` +
      `and the fallback stays within ${x(f.pool.ms / Math.max(f.ideal, f.floor.ms))} of that floor` +
      (f.slow
        ? `; with a ${f.slow.latencyMs} ms exec, which hides the process starts, it takes ${x(f.slow.ms / (Math.ceil(f.nodes / f.concurrency) * f.slow.latencyMs))} its ideal.`
        : '.'),
    '',
  );
  // each target's own verdict: one met does not speak for the other
  out.push(
    f.targets
      .map((t) =>
        t.met === undefined ? `${t.what}: ${t.measured}, ${t.note}.` : `${t.what}: ${t.measured}, ${t.met ? 'met' : '**missed**'}.`,
      )
      .join(' '),
    '',
  );
  return out;
}

function startupSection(r) {
  const s = r.startup;
  const out = ['## 3. Start-up and size', ''];
  out.push(
    `\`node ${r.distLabel}/index.js\` with \`mode: preview\`, \`base-values: examples/byocni-release-values.yaml\` and \`helm-version\` the path of a stand-in helm (a sh script that writes \`date +%s%N\` when it first runs): ` +
      "the time from just before `spawn` to that first external command (its `helm version`; the start of the `sh` and `date` of the stand-in is in the figure, as it is in that of the smallest action). Baselines: `node -e ''` from spawn to exit, and the smallest action (`@actions/core` and one command, bundled with ncc --minify the same way) from spawn to its first command.",
    '',
  );
  const base = s.empty.exitMs;
  const rows = [
    ["`node -e ''` (to exit)", ms(base), '1'],
    ['smallest action (to its first command)', ms(s.hello?.firstMs), x(s.hello ? s.hello.firstMs / base : undefined)],
    [`**${r.distLabel}/index.js** (to its first command)`, ms(s.action?.firstMs), x(s.action ? s.action.firstMs / base : undefined)],
  ];
  out.push(table(['start-up', 'time', "÷ node -e ''"], rows), '');
  if (s.profile) {
    out.push(
      `### Where ${r.distLabel}/index.js spends its start-up (\`node --cpu-prof\`, one run, ${ms(s.profile.totalMs)} sampled)`,
      '',
      'Self time per function over the whole process; the stand-in helm fails, so the run ends right after the first command. `(program)` is native V8 and Node time not attributed to a JavaScript function; `compileSourceTextModule` and `__nccwpck_require__` are compiling and evaluating the modules of the bundle.',
      '',
      table(
        ['function (file:line)', 'self time', 'share'],
        s.profile.top.map((t) => [`\`${t.fn}\``, ms(t.ms), `${(t.share * 100).toFixed(1)} %`]),
      ),
      '',
    );
  }
  const kb = (b) => (b === undefined ? 'missing' : `${(b / 1e6).toFixed(2)} MB (${b.toLocaleString('en-US')} bytes)`);
  out.push(
    table(
      ['bundle', 'size', '÷ smallest action'],
      [
        ['smallest action (ncc --minify)', kb(s.sizes.hello), '1'],
        [`${r.distLabel}/index.js with its chunks (*.index.js)`, kb(s.sizes.main), x(s.sizes.main / s.sizes.hello)],
        [`${r.distLabel}/post/index.js`, kb(s.sizes.post), x(s.sizes.post / s.sizes.hello)],
      ],
    ),
    '',
  );
  return out;
}
