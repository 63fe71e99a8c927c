import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/github/client.js';
import { stickyMarker, upsertStickyComment } from '../../src/github/sticky-comment.js';
import { BODY_LIMIT, FakeGitHub } from './fake-github.js';
import { assertWellFormed } from './markdown-check.js';

const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';
const MARKER = '<!-- cilium-native-routing-action:kube-system/cilium -->';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await new FakeGitHub({ token: TOKEN, maxPerPage: 5, prefix: '/api/v3' }).start();
});
afterEach(async () => {
  await gh.stop();
});

function client() {
  // Through GITHUB_API_URL, as on a runner (GitHub Enterprise style path prefix included).
  return createGitHubClient(TOKEN, { env: { GITHUB_API_URL: gh.url } });
}

function params(prNumber: number, body: string) {
  return { pr: { owner: 'octo', repo: 'cluster-config', number: prNumber }, namespace: 'kube-system', release: 'cilium', body };
}

const commentsPath = (n: number) => `/repos/octo/cluster-config/issues/${n}/comments`;

describe('upsertStickyComment', () => {
  it('marker is the hidden per-release line', () => {
    expect(stickyMarker('kube-system', 'cilium')).toBe(MARKER);
    expect(() => stickyMarker('kube-system', 'x --><script>')).toThrow(/Invalid release/);
  });

  it('first run creates, second run updates the same comment, never a duplicate', async () => {
    const pr = gh.addPullRequest(['LGTM', 'another review comment']);

    const first = await upsertStickyComment(client(), params(pr.number, '## Preview\n\nrun 1\n'));
    expect(first).toMatchObject({ status: 'created', truncated: false, duplicates: 0 });
    expect(gh.requests.map((r) => [r.method, r.path, r.query.per_page ?? null])).toEqual([
      ['GET', commentsPath(pr.number), '100'],
      ['POST', commentsPath(pr.number), null],
    ]);
    expect(gh.requests[1]!.body).toEqual({ body: `${MARKER}\n## Preview\n\nrun 1\n` });

    gh.clearRequests();
    const second = await upsertStickyComment(client(), params(pr.number, '## Preview\n\nrun 2\n'));
    expect(second).toMatchObject({ status: 'updated', commentId: first.status === 'created' ? first.commentId : -1 });
    expect(gh.requests.map((r) => [r.method, r.path])).toEqual([
      ['GET', commentsPath(pr.number)],
      ['PATCH', `/repos/octo/cluster-config/issues/comments/${second.status === 'updated' ? second.commentId : 0}`],
    ]);
    expect(gh.requests[1]!.body).toEqual({ body: `${MARKER}\n## Preview\n\nrun 2\n` });
    expect(pr.comments.filter((c) => c.body.startsWith(MARKER))).toHaveLength(1);
    expect(pr.comments).toHaveLength(3);

    // Same preview again: nothing to write.
    gh.clearRequests();
    const third = await upsertStickyComment(client(), params(pr.number, '## Preview\n\nrun 2\n'));
    expect(third.status).toBe('unchanged');
    expect(gh.writes()).toEqual([]);
  });

  it('finds the marker on page 3 of the comments (Link header pagination)', async () => {
    const bodies = Array.from({ length: 12 }, (_, i) => `comment ${i}`);
    bodies.push(`${MARKER}\nold preview`, 'a later comment');
    const pr = gh.addPullRequest(bodies, 'github-actions[bot]');
    const target = pr.comments[12]!;

    const result = await upsertStickyComment(client(), params(pr.number, 'new preview\n'));
    expect(result).toMatchObject({ status: 'updated', commentId: target.id });
    expect(gh.requests.map((r) => [r.method, r.path, r.query.page ?? '1'])).toEqual([
      ['GET', commentsPath(pr.number), '1'],
      ['GET', commentsPath(pr.number), '2'],
      ['GET', commentsPath(pr.number), '3'],
      ['PATCH', `/repos/octo/cluster-config/issues/comments/${target.id}`, '1'],
    ]);
    expect(target.body).toBe(`${MARKER}\nnew preview\n`);
    expect(pr.comments).toHaveLength(14);
  });

  it('reads all pages, updates the first marked comment and reports the others', async () => {
    const bodies = Array.from({ length: 11 }, (_, i) => (i === 2 || i === 10 ? `${MARKER}\nold ${i}` : `c${i}`));
    bodies.push('quoting it: <!-- cilium-native-routing-action:kube-system/cilium --> is not at the start');
    const pr = gh.addPullRequest(bodies, 'github-actions[bot]');
    const result = await upsertStickyComment(client(), params(pr.number, 'p\n'));
    expect(result).toMatchObject({ status: 'updated', commentId: pr.comments[2]!.id, duplicates: 1 });
    expect(gh.requests.filter((r) => r.method === 'GET')).toHaveLength(3);
    expect(pr.comments[10]!.body).toBe(`${MARKER}\nold 10`);
  });

  it('a comment of another release is not ours', async () => {
    const pr = gh.addPullRequest(['<!-- cilium-native-routing-action:kube-system/cilium-canary -->\nx']);
    const result = await upsertStickyComment(client(), params(pr.number, 'p\n'));
    expect(result.status).toBe('created');
    expect(pr.comments).toHaveLength(2);
  });

  it('403 on create (read-only token, fork) → warning naming the permission, no throw', async () => {
    const pr = gh.addPullRequest([]);
    gh.failures.push({ method: 'POST', path: /\/comments$/, status: 403, message: 'Resource not accessible by integration' });
    const result = await upsertStickyComment(client(), {
      ...params(pr.number, 'p\n'),
      pr: { owner: 'octo', repo: 'cluster-config', number: pr.number, fromFork: true },
    });
    expect(result.status).toBe('skipped');
    if (result.status !== 'skipped') return;
    expect(result.httpStatus).toBe(403);
    expect(result.warning).toContain('Resource not accessible by integration');
    expect(result.warning).toContain('permissions: pull-requests: write');
    expect(result.warning).toContain('fork');
    expect(result.warning).toContain('job summary');
    expect(result.warning).not.toContain(TOKEN);
    expect(gh.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
    expect(pr.comments).toHaveLength(0);
  });

  it('403 on update and 404 on list are warnings too; a rate-limit 403 says so', async () => {
    const pr = gh.addPullRequest([`${MARKER}\nold`], 'github-actions[bot]');
    gh.failures.push({ method: 'PATCH', path: /comments\/\d+$/, status: 403, message: 'Resource not accessible by integration', times: 1 });
    const upd = await upsertStickyComment(client(), params(pr.number, 'p\n'));
    expect(upd).toMatchObject({ status: 'skipped', httpStatus: 403 });
    expect(pr.comments[0]!.body).toBe(`${MARKER}\nold`);

    const missing = await upsertStickyComment(client(), params(999, 'p\n'));
    expect(missing).toMatchObject({ status: 'skipped', httpStatus: 404 });
    if (missing.status === 'skipped') expect(missing.warning).toMatch(/cannot see this repository or pull request/);

    gh.failures.push({
      method: 'GET',
      path: /comments$/,
      status: 403,
      message: 'API rate limit exceeded',
      headers: { 'x-ratelimit-remaining': '0' },
      times: 1,
    });
    const limited = await upsertStickyComment(client(), params(pr.number, 'p\n'));
    expect(limited.status).toBe('skipped');
    if (limited.status === 'skipped') expect(limited.warning).toMatch(/rate limit was reached/);
  });

  it('other errors throw with the cause', async () => {
    const pr = gh.addPullRequest([]);
    gh.failures.push({ method: 'POST', path: /comments$/, status: 500, message: 'Server Error' });
    const err = await upsertStickyComment(client(), params(pr.number, 'p\n')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/Could not comment on pull request #\d+ in octo\/cluster-config/);
    expect(((err as Error).cause as { status?: number }).status).toBe(500);

    const bad = createGitHubClient('wrong-token', { apiUrl: gh.url });
    const err401 = await upsertStickyComment(bad, params(pr.number, 'p\n')).catch((e: unknown) => e);
    expect((err401 as Error).message).toMatch(/invalid or expired/);
  });

  it('the token and other secrets never go out; the redact function is applied', async () => {
    const pr = gh.addPullRequest([]);
    const kubeconfig = 'apiVersion: v1\nusers:\n- name: u\n  user:\n    token: eyJhbGciOiJSUzI1NiIsImtpZCI6ImFiYyJ9.payload\n';
    const body =
      `token in a value: ${TOKEN}\n` + 'kube line: token: eyJhbGciOiJSUzI1NiIsImtpZCI6ImFiYyJ9.payload\n' + 'password: hunter2-hunter2\n';
    const result = await upsertStickyComment(client(), {
      ...params(pr.number, body),
      secrets: [kubeconfig],
      redact: (t) => t.replace(/password: \S+/g, 'password: [redacted]'),
    });
    expect(result.status).toBe('created');
    const sent = gh.requests.find((r) => r.method === 'POST')!.rawBody;
    expect(sent).not.toContain(TOKEN);
    expect(sent).not.toContain('eyJhbGciOiJSUzI1NiIsImtpZCI6ImFiYyJ9');
    expect(sent).not.toContain('hunter2');
    expect(JSON.parse(sent)).toEqual({
      body: `${MARKER}\ntoken in a value: ***\nkube line: ***\npassword: [redacted]\n`,
    });
    // Sent only as the Authorization header, never in a URL or body.
    for (const r of gh.requests) {
      expect(r.authorization).toBe(`token ${TOKEN}`);
      expect(`${r.path}?${new URLSearchParams(r.query)}${r.rawBody}`).not.toContain(TOKEN);
    }
  });

  it('a preview over the limit is cut inside the manifest diff and still accepted by the API', async () => {
    const pr = gh.addPullRequest([]);
    const diff = Array.from({ length: 6000 }, (_, i) => `+  key-${i}: "${'v'.repeat(20)}"\n`).join('');
    const sections = [
      { markdown: '## Cilium preview\n\n| key | old | new |\n|---|---|---|\n| routingMode | tunnel | native |\n\n' },
      { markdown: '<details><summary>Manifest diff</summary>\n\n```diff\n' },
      { markdown: diff, cuttable: true, label: 'manifest diff' },
      { markdown: '```\n\n</details>\n' },
    ];
    const result = await upsertStickyComment(client(), {
      pr: { owner: 'octo', repo: 'cluster-config', number: pr.number },
      namespace: 'kube-system',
      release: 'cilium',
      body: sections,
      fullReportUrl: 'https://github.com/octo/cluster-config/actions/runs/42',
    });
    expect(result).toMatchObject({ status: 'created', truncated: true });
    const sent = pr.comments[0]!.body;
    expect(sent.startsWith(`${MARKER}\n## Cilium preview`)).toBe(true);
    expect(Buffer.byteLength(sent)).toBeLessThanOrEqual(BODY_LIMIT);
    expect(Buffer.byteLength(sent)).toBeGreaterThan(BODY_LIMIT - 500);
    expect(sent).toContain('| routingMode | tunnel | native |');
    expect(sent).toContain('[job summary](https://github.com/octo/cluster-config/actions/runs/42)');
    assertWellFormed(sent);
  });

  it('a marked comment written by someone else is never edited: a new one is created', async () => {
    const pr = gh.addPullRequest([`${MARKER}\nforged by a contributor`], 'mallory');
    const result = await upsertStickyComment(client(), params(pr.number, 'p\n'));
    expect(result.status).toBe('created');
    expect(pr.comments[0]!.body).toBe(`${MARKER}\nforged by a contributor`);
    expect(gh.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
    // the forged one is ignored; ours is found and updated next time
    const again = await upsertStickyComment(client(), params(pr.number, 'q\n'));
    expect(again).toMatchObject({ status: 'updated', commentId: pr.comments[1]!.id });
  });
});
