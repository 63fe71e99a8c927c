// preview on a pull_request event through dist/index.js: one sticky comment, updated in place,
// a warning (not a failure) without permission, no secret in what is sent.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../github/fake-github.js';
import { errorOf, runAction } from '../helpers/action.js';
import { chartPath, helm4, repoRoot } from '../setup/env.js';

const TOKEN = 'ghs_previewTokenThatMustNeverLeak0123456789';
let gh: FakeGitHub;
beforeEach(async () => {
  gh = await new FakeGitHub({ token: TOKEN }).start();
});
afterEach(async () => {
  await gh.stop();
});

function prEnv(prNumber: number): Record<string, string> {
  const event = path.join(os.tmpdir(), `cnra-event-${process.pid}-${prNumber}.json`);
  writeFileSync(
    event,
    JSON.stringify({
      pull_request: {
        number: prNumber,
        head: { repo: { full_name: 'octo/cluster-config' } },
        base: { repo: { full_name: 'octo/cluster-config' } },
      },
    }),
  );
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'octo/cluster-config',
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
  };
}

const inputs = (values = ''): Record<string, string> => ({
  mode: 'preview',
  chart: chartPath('1.18.6'),
  'cilium-version': '1.18.6',
  'base-values': path.join(repoRoot, 'examples', 'byocni-release-values.yaml'),
  'helm-version': helm4(),
  'github-token': TOKEN,
  values,
});

describe('preview PR comment', () => {
  it('creates one sticky comment, then updates it in place', async () => {
    const pr = gh.addPullRequest(['looks good']);
    const first = await runAction(inputs(), { env: prEnv(pr.number) });
    expect(errorOf(first)).toBe('');
    const second = await runAction(inputs('operator:\n  replicas: 1\n'), { env: prEnv(pr.number) });
    expect(errorOf(second)).toBe('');
    const ours = pr.comments.filter((c) => c.body.includes('<!-- cilium-native-routing-action:kube-system/cilium -->'));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body).toContain('| `routing-mode` | `tunnel` | `native` |');
    expect(ours[0]!.body).toContain('| `operator.replicas` | `2` | `1` | values |');
    expect(gh.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(gh.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    for (const r of gh.requests) expect(r.rawBody).not.toContain(TOKEN);
  });

  it('warns and still writes the summary when the token may not comment', async () => {
    const pr = gh.addPullRequest([]);
    gh.failures.push({ method: 'POST', path: /comments$/, status: 403, message: 'Resource not accessible by integration' });
    const r = await runAction(inputs(), { env: prEnv(pr.number) });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(r.stdout).toMatch(/::warning::.*pull-requests: write/);
    expect(r.summary).toContain('routing-mode');
  });

  it('a chart error fails the job and is commented, so the PR author sees it', async () => {
    const pr = gh.addPullRequest([]);
    // valid for our checks, refused by the 1.18 chart's own validation
    const r = await runAction(inputs('tunnel: vxlan\n'), { env: prEnv(pr.number) });
    expect(r.code).not.toBe(0);
    expect(errorOf(r)).toMatch(
      /^The chart \(.*cilium-1.18.6.tgz\) rejected the merged values: .*tunnel was deprecated in v1.14 and has been removed in v1.15/,
    );
    // the user wrote it: remove it (the action drops it from the release's values itself)
    expect(errorOf(r)).toContain("the action already drops it from the release's values. Remove it from your values");
    expect(r.outputs.verdict).toBe('fail');
    expect(pr.comments).toHaveLength(1);
    expect(pr.comments[0]!.body).toContain('tunnel was deprecated in v1.14');
  });
});
