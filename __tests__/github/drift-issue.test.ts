import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/github/client.js';
import { driftMarker, storedFingerprint, syncDriftIssue, type DriftIssueParams } from '../../src/github/drift-issue.js';
import { driftLabel } from '../../src/github/drift-label.js';
import { BODY_LIMIT, FakeGitHub } from './fake-github.js';
import { assertWellFormed } from './markdown-check.js';

const TOKEN = 'ghp_R4nd0mT0k3nV4lu3F0rT3st1ngOnly0000000';
const LABEL = 'cilium-drift:kube-system/cilium';
const MARKER = '<!-- cilium-native-routing-action:drift:kube-system/cilium -->';
const REPO = '/repos/octo/cluster-config';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await new FakeGitHub({ token: TOKEN, maxPerPage: 2 }).start();
});
afterEach(async () => {
  await gh.stop();
});

const client = () => createGitHubClient(TOKEN, { apiUrl: gh.url });
const table = (rows: string[]) => `| source | key | expected | actual |\n|---|---|---|---|\n${rows.map((r) => `${r}\n`).join('')}`;
const run = (drift: boolean, report?: string, extra: Partial<DriftIssueParams> = {}) =>
  syncDriftIssue(client(), {
    repo: { owner: 'octo', repo: 'cluster-config' },
    namespace: 'kube-system',
    release: 'cilium',
    drift,
    report,
    runUrl: 'https://github.com/octo/cluster-config/actions/runs/1',
    now: new Date('2025-01-02T03:04:05.678Z'),
    ...extra,
  });

describe('driftLabel / driftMarker', () => {
  it('names the release, within GitHub 50-character label limit', () => {
    expect(driftLabel('kube-system', 'cilium')).toBe(LABEL);
    expect(driftMarker('kube-system', 'cilium')).toBe(MARKER);
    const long = driftLabel('a-very-long-namespace-name-for-networking', 'cilium-production-eu');
    expect(long).toHaveLength(50);
    expect(long).toMatch(/^cilium-drift:a-very-long-namespace-name-f~[0-9a-f]{8}$/);
    expect(driftLabel('a-very-long-namespace-name-for-networking', 'cilium-production-us')).not.toBe(long);
    expect(() => driftLabel('Kube System', 'cilium')).toThrow(/Invalid namespace/);
  });
});

describe('syncDriftIssue', () => {
  it('clean and no issue: only one read, nothing written', async () => {
    expect(await run(false)).toEqual({ action: 'none' });
    expect(gh.requests.map((r) => [r.method, r.path, r.query])).toEqual([
      ['GET', `${REPO}/issues`, { labels: LABEL, state: 'open', sort: 'created', direction: 'asc', per_page: '100' }],
    ]);
  });

  it('open → same drift again (silent) → changed drift (comment) → clean (comment, close) → clean (nothing)', async () => {
    // Unrelated issues and a PR with the same label must not be taken for ours.
    for (let i = 0; i < 3; i++) gh.newIssue({ title: `other ${i}`, body: 'x', labels: [] });
    gh.labels.set('bug', { name: 'bug', color: 'ff0000', description: null });

    // 1. Drift, no issue: label created, issue opened with label, marker and report.
    const report1 = table(['| values | routingMode | native | tunnel |']);
    const opened = await run(true, report1);
    expect(opened).toMatchObject({ action: 'opened', truncated: false });
    if (opened.action !== 'opened') return;
    const writes1 = gh.writes();
    expect(writes1.map((r) => [r.method, r.path])).toEqual([
      ['POST', `${REPO}/labels`],
      ['POST', `${REPO}/issues`],
    ]);
    expect(gh.requests.find((r) => r.method === 'GET' && r.path.startsWith(`${REPO}/labels/`))!.path).toBe(`${REPO}/labels/${LABEL}`);
    expect(writes1[0]!.body).toMatchObject({ name: LABEL, color: 'd93f0b' });
    const created = writes1[1]!.body as { title: string; body: string; labels: string[] };
    expect(created.title).toBe('Cilium configuration drift: kube-system/cilium');
    expect(created.labels).toEqual([LABEL]);
    expect(created.body.startsWith(`${MARKER}\n<!-- cilium-native-routing-action:drift-fingerprint:`)).toBe(true);
    expect(created.body).toContain(
      'last checked 2025-01-02T03:04:05Z in [this run](https://github.com/octo/cluster-config/actions/runs/1)',
    );
    expect(created.body).toContain(report1);
    const issue = gh.issues.get(opened.issueNumber)!;
    expect(issue.state).toBe('open');

    // A PR carrying the label and a look-alike body: not an issue, ignored.
    const pr = gh.addPullRequest([]);
    pr.labels = [{ name: LABEL }];
    pr.body = `${MARKER}\n`;

    // 2. Same drift on the next night: description refreshed, no comment, no new issue.
    gh.clearRequests();
    const again = await run(true, report1, { now: new Date('2025-01-03T03:04:05Z') });
    expect(again).toEqual({
      action: 'updated',
      issueNumber: issue.number,
      url: issue.html_url,
      bodyUpdated: true,
      commented: false,
      truncated: false,
    });
    expect(gh.writes().map((r) => [r.method, r.path])).toEqual([['PATCH', `${REPO}/issues/${issue.number}`]]);
    expect(Object.keys(gh.writes()[0]!.body as object)).toEqual(['body']);
    expect(issue.body).toContain('last checked 2025-01-03T03:04:05Z');
    expect(issue.comments).toHaveLength(0);
    // Labels are only looked up when an issue is opened.
    expect(gh.requests.some((r) => r.path.includes('/labels'))).toBe(false);

    // 3. Different drift: a comment with the new differences, and the description replaced.
    gh.clearRequests();
    const report2 = table(['| values | routingMode | native | tunnel |', '| configmap | enable-wireguard | true | false |']);
    const changed = await run(true, report2);
    expect(changed).toMatchObject({ action: 'updated', issueNumber: issue.number, commented: true, bodyUpdated: true });
    expect(gh.writes().map((r) => [r.method, r.path])).toEqual([
      ['POST', `${REPO}/issues/${issue.number}/comments`],
      ['PATCH', `${REPO}/issues/${issue.number}`],
    ]);
    expect((gh.writes()[0]!.body as { body: string }).body).toBe(
      `The differences changed (checked 2025-01-02T03:04:05Z in [this run](https://github.com/octo/cluster-config/actions/runs/1)):\n\n${report2}`,
    );
    expect(issue.body).toContain('| configmap | enable-wireguard | true | false |');
    expect([...gh.issues.values()].filter((i) => i.labels.some((l) => l.name === LABEL) && !i.pull_request)).toHaveLength(1);

    // 4. Clean: a comment, then closed as completed.
    gh.clearRequests();
    const closed = await run(false);
    expect(closed).toEqual({ action: 'closed', issueNumber: issue.number, url: issue.html_url });
    expect(gh.writes().map((r) => [r.method, r.path, r.body])).toEqual([
      [
        'POST',
        `${REPO}/issues/${issue.number}/comments`,
        {
          body: 'No drift any more: the cluster matches the desired configuration (checked 2025-01-02T03:04:05Z in [this run](https://github.com/octo/cluster-config/actions/runs/1)). Closing.\n',
        },
      ],
      ['PATCH', `${REPO}/issues/${issue.number}`, { state: 'closed', state_reason: 'completed' }],
    ]);
    expect(issue.state).toBe('closed');
    expect(issue.state_reason).toBe('completed');

    // 5. Still clean: nothing written.
    gh.clearRequests();
    expect(await run(false)).toEqual({ action: 'none' });
    expect(gh.writes()).toEqual([]);

    // 6. Drift again: a new issue (the closed one keeps its history); the label exists already.
    gh.clearRequests();
    const reopened = await run(true, report1);
    expect(reopened).toMatchObject({ action: 'opened' });
    expect(reopened.action === 'opened' && reopened.issueNumber).not.toBe(issue.number);
    expect(gh.writes().map((r) => [r.method, r.path])).toEqual([['POST', `${REPO}/issues`]]);
  });

  it('finds its open issue on a later page and ignores look-alikes of other releases', async () => {
    gh.labels.set(LABEL, { name: LABEL, color: 'd93f0b', description: null });
    for (let i = 0; i < 4; i++) gh.newIssue({ title: `x${i}`, body: 'someone added the label by hand', labels: [LABEL] });
    gh.newIssue({ title: 'other', body: '<!-- cilium-native-routing-action:drift:kube-system/cilium-canary -->', labels: [LABEL] });
    const ours = gh.newIssue({ title: 'ours', body: `${MARKER}\nold`, labels: [LABEL] });
    const r = await run(false);
    expect(r).toMatchObject({ action: 'closed', issueNumber: ours.number });
    expect(gh.requests.filter((q) => q.method === 'GET').map((q) => q.query.page ?? '1')).toEqual(['1', '2', '3']);
  });

  it('leaves a marked issue someone else opened alone: opens its own, and closes only its own', async () => {
    gh.labels.set(LABEL, { name: LABEL, color: 'd93f0b', description: null });
    const planted = gh.newIssue({ title: 'look-alike', body: `${MARKER}\nplanted`, labels: [LABEL] }, 'mallory');
    const opened = await run(true, table(['| agents | routing | native | tunnel |']));
    expect(opened).toMatchObject({ action: 'opened' });
    expect(opened.action === 'opened' && opened.issueNumber).not.toBe(planted.number);
    const closed = await run(false);
    expect(closed.action === 'closed' && closed.issueNumber).toBe(opened.action === 'opened' && opened.issueNumber);
    // not one write went to the planted issue
    expect(gh.writes().filter((w) => w.path.startsWith(`${REPO}/issues/${planted.number}`))).toEqual([]);
    expect(gh.issues.get(planted.number)).toMatchObject({ body: `${MARKER}\nplanted`, state: 'open' });
  });

  it('fingerprint decides about the comment, not run-specific text in the report', async () => {
    const at = (run: number) => `${table(['| agents | routing | native | tunnel |'])}\nchecked by run ${run}\n`;
    const first = await run(true, at(1), { fingerprint: 'agents/routing' });
    expect(first.action).toBe('opened');
    const second = await run(true, at(2), { fingerprint: 'agents/routing' });
    expect(second).toMatchObject({ action: 'updated', commented: false, bodyUpdated: true });
    const issue = [...gh.issues.values()][0]!;
    expect(storedFingerprint(issue.body)).toMatch(/^[0-9a-f]{16}$/);
    expect(issue.body).toContain('checked by run 2');
    // The fingerprint is stored hashed, not as given.
    expect(issue.body).not.toContain('agents/routing');
  });

  it('403 (no issues: write) and 410 (issues disabled) → warnings, no throw; 500 throws with cause', async () => {
    gh.failures.push({ method: 'POST', path: /\/labels$/, status: 403, message: 'Resource not accessible by integration' });
    const r = await run(true, table(['| a | b | c | d |']));
    expect(r.action).toBe('skipped');
    if (r.action !== 'skipped') return;
    expect(r.httpStatus).toBe(403);
    expect(r.warning).toMatch(/Could not open a drift issue in octo\/cluster-config \(HTTP 403: Resource not accessible by integration\)/);
    expect(r.warning).toContain('permissions: issues: write');
    expect(gh.issues.size).toBe(0);

    gh.failures.push({ method: 'GET', path: /\/issues$/, status: 410, message: 'Issues are disabled for this repo', times: 1 });
    const gone = await run(false);
    expect(gone).toMatchObject({ action: 'skipped', httpStatus: 410 });
    if (gone.action === 'skipped') expect(gone.warning).toMatch(/issues are disabled in this repository/);

    gh.failures.push({ method: 'GET', path: /\/issues$/, status: 500, message: 'boom', times: 1 });
    const err = await run(false).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/Could not find the open drift issue in octo\/cluster-config/);
    expect(((err as Error).cause as { status?: number }).status).toBe(500);
  });

  it('a report over the limit is cut safely; secrets never go out', async () => {
    const kubeconfig = `apiVersion: v1\nusers:\n- name: admin\n  user:\n    client-key-data: ${'S'.repeat(60)}\n`;
    const rows = Array.from({ length: 3000 }, (_, i) => `| configmap | key-${i} | ${TOKEN} | y |`);
    const r = await run(true, undefined, {
      report: [
        { markdown: `client-key-data: ${'S'.repeat(60)}\n\n` },
        { markdown: `<details><summary>All differences</summary>\n\n${table(rows)}\n</details>\n`, cuttable: true, label: 'differences' },
      ],
      secrets: [kubeconfig],
    });
    expect(r).toMatchObject({ action: 'opened', truncated: true });
    const sent = gh.requests.filter((q) => q.method !== 'GET');
    for (const q of sent) {
      expect(q.rawBody).not.toContain(TOKEN);
      expect(q.rawBody).not.toContain('S'.repeat(60));
    }
    const body = [...gh.issues.values()][0]!.body!;
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(BODY_LIMIT);
    expect(body).toContain('| configmap | key-0 | *** | y |');
    expect(body).toContain('_Kept up to date by cilium-native-routing-action');
    assertWellFormed(body);
  });
});
