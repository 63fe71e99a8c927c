// preview comments of a fleet through dist/index.js: a matrix over clusters on one pull request
// keeps one sticky comment per cluster (comment-key, or the kube context), each edited in place;
// a 403 on pull_request_target gets advice that fits that event.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../github/fake-github.js';
import { errorOf, runAction } from '../helpers/action.js';
import { chartPath, helm4, repoRoot } from '../setup/env.js';

const TOKEN = 'ghs_fleetPreviewTokenThatMustNeverLeak012345';
let gh: FakeGitHub;
beforeEach(async () => {
  gh = await new FakeGitHub({ token: TOKEN }).start();
});
afterEach(async () => {
  await gh.stop();
});

function prEnv(prNumber: number, event = 'pull_request', headRepo = 'octo/cluster-config'): Record<string, string> {
  const file = path.join(os.tmpdir(), `cnra-fleet-event-${process.pid}-${prNumber}-${event}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      pull_request: { number: prNumber, head: { repo: { full_name: headRepo } }, base: { repo: { full_name: 'octo/cluster-config' } } },
    }),
  );
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: file,
    GITHUB_REPOSITORY: 'octo/cluster-config',
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '7',
  };
}

const inputs = (extra: Record<string, string>): Record<string, string> => ({
  mode: 'preview',
  chart: chartPath('1.18.6'),
  'base-values': path.join(repoRoot, 'examples', 'byocni-release-values.yaml'),
  'helm-version': helm4(),
  'github-token': TOKEN,
  ...extra,
});

describe('a matrix over clusters on one pull request', () => {
  it('keeps one comment per cluster and edits each in place', async () => {
    const pr = gh.addPullRequest([]);
    const env = prEnv(pr.number);
    for (const replicas of ['1', '3']) {
      for (const cluster of ['aks-prod-weu', 'aks-prod-neu']) {
        const r = await runAction(inputs({ 'comment-key': cluster, values: `operator:\n  replicas: ${replicas}\n` }), { env });
        expect(errorOf(r)).toBe('');
      }
    }
    const ours = pr.comments.filter((c) => c.body.startsWith('<!-- cilium-native-routing-action:'));
    expect(ours.map((c) => c.body.split('\n')[0]).sort()).toEqual([
      '<!-- cilium-native-routing-action:kube-system/cilium@aks-prod-neu -->',
      '<!-- cilium-native-routing-action:kube-system/cilium@aks-prod-weu -->',
    ]);
    for (const c of ours) expect(c.body).toContain('| `operator.replicas` | `2` | `3` |');
    expect(gh.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(gh.requests.filter((r) => r.method === 'PATCH')).toHaveLength(2);
  });

  it('keys the comment by the kube context when comment-key is not given', async () => {
    const pr = gh.addPullRequest([]);
    const kubeconfig = (ctx: string): string =>
      `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:9"}}]\nusers: [{name: u, user: {token: not-used-here}}]\ncontexts: [{name: ${ctx}, context: {cluster: c, user: u}}]\ncurrent-context: ${ctx}\n`;
    for (const ctx of ['aks-a', 'aks-b']) {
      const r = await runAction(inputs({ kubeconfig: kubeconfig(ctx) }), { env: prEnv(pr.number) });
      expect(errorOf(r)).toBe('');
    }
    expect(pr.comments.map((c) => c.body.split('\n')[0]).sort()).toEqual([
      '<!-- cilium-native-routing-action:kube-system/cilium@aks-a -->',
      '<!-- cilium-native-routing-action:kube-system/cilium@aks-b -->',
    ]);
  });
});

describe('permission problems by event', () => {
  it('on pull_request_target a 403 names the workflow permissions, not the fork read-only token', async () => {
    const pr = gh.addPullRequest([]);
    gh.failures.push({ method: 'POST', path: /comments$/, status: 403, message: 'Resource not accessible by integration' });
    const r = await runAction(inputs({}), { env: prEnv(pr.number, 'pull_request_target', 'someone/fork') });
    expect(r.code).toBe(0);
    const warning = r.stdout.split('\n').find((l) => l.startsWith('::warning::')) ?? '';
    expect(warning).toContain('This is a `pull_request_target` run: its token belongs to the base repository, fork or not');
    expect(warning).toContain('pull-requests: write');
    expect(warning).not.toContain('read-only token, so no comment can be written');
  });

  it('on a fork pull_request a 403 still explains the read-only token', async () => {
    const pr = gh.addPullRequest([]);
    gh.failures.push({ method: 'POST', path: /comments$/, status: 403, message: 'Resource not accessible by integration' });
    const r = await runAction(inputs({}), { env: prEnv(pr.number, 'pull_request', 'someone/fork') });
    expect(r.stdout).toMatch(/::warning::.*comes from a fork: on `pull_request` events GitHub gives its runs a read-only token/);
  });
});
