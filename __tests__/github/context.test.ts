import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  apiUrlFromEnv,
  isForkPullRequest,
  pullRequestFromEnv,
  pullRequestNumber,
  repoFromEnv,
  runUrlFromEnv,
} from '../../src/github/context.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cnra-gh-context-'));
function eventFile(name: string, payload: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, JSON.stringify(payload));
  return p;
}

// Shaped like the runner's event.json (fields the code reads, plus neighbours).
const samePayload = {
  action: 'synchronize',
  number: 17,
  pull_request: {
    number: 17,
    head: { ref: 'cilium-native', repo: { full_name: 'octo/cluster-config' } },
    base: { ref: 'main', repo: { full_name: 'octo/cluster-config' } },
  },
  repository: { full_name: 'octo/cluster-config' },
};
const forkPayload = {
  ...samePayload,
  number: 23,
  pull_request: { ...samePayload.pull_request, number: 23, head: { ref: 'patch-1', repo: { full_name: 'someone/cluster-config' } } },
};

describe('github context', () => {
  it('pull_request and pull_request_target give the PR; other events do not', () => {
    const file = eventFile('pr.json', samePayload);
    const env = { GITHUB_EVENT_PATH: file, GITHUB_REPOSITORY: 'octo/cluster-config' };
    expect(pullRequestFromEnv({ ...env, GITHUB_EVENT_NAME: 'pull_request' })).toEqual({
      owner: 'octo',
      repo: 'cluster-config',
      number: 17,
      fromFork: false,
    });
    expect(pullRequestFromEnv({ ...env, GITHUB_EVENT_NAME: 'pull_request_target' })?.number).toBe(17);
    for (const ev of ['push', 'schedule', 'workflow_dispatch', 'issue_comment', '']) {
      expect(pullRequestFromEnv({ ...env, GITHUB_EVENT_NAME: ev })).toBeUndefined();
    }
  });

  it('fork pull requests are marked, also when the fork was deleted', () => {
    const file = eventFile('fork.json', forkPayload);
    expect(
      pullRequestFromEnv({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file, GITHUB_REPOSITORY: 'octo/cluster-config' }),
    ).toEqual({ owner: 'octo', repo: 'cluster-config', number: 23, fromFork: true });
    expect(isForkPullRequest({ pull_request: { head: { repo: null }, base: { repo: { full_name: 'a/b' } } } })).toBe(true);
    expect(isForkPullRequest(samePayload)).toBe(false);
  });

  it('missing or unreadable payloads and repositories give undefined', () => {
    const base = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: 'octo/cluster-config' };
    expect(pullRequestFromEnv(base)).toBeUndefined();
    expect(pullRequestFromEnv({ ...base, GITHUB_EVENT_PATH: path.join(dir, 'absent.json') })).toBeUndefined();
    const garbage = path.join(dir, 'garbage.json');
    writeFileSync(garbage, '{not json');
    expect(pullRequestFromEnv({ ...base, GITHUB_EVENT_PATH: garbage })).toBeUndefined();
    const file = eventFile('pr2.json', samePayload);
    expect(pullRequestFromEnv({ ...base, GITHUB_EVENT_PATH: file, GITHUB_REPOSITORY: 'no-slash' })).toBeUndefined();
    expect(pullRequestNumber('pull_request', { pull_request: { number: '17' } })).toBeUndefined();
    expect(pullRequestNumber('pull_request', { pull_request: { number: 0 } })).toBeUndefined();
    expect(pullRequestNumber('pull_request', { number: 5 })).toBe(5);
  });

  it('repository, API URL and run URL', () => {
    expect(repoFromEnv({ GITHUB_REPOSITORY: 'my-org/repo.name_x' })).toEqual({ owner: 'my-org', repo: 'repo.name_x' });
    expect(repoFromEnv({ GITHUB_REPOSITORY: 'a/b/c' })).toBeUndefined();
    expect(apiUrlFromEnv({})).toBe('https://api.github.com');
    expect(apiUrlFromEnv({ GITHUB_API_URL: 'https://ghe.example.com/api/v3/' })).toBe('https://ghe.example.com/api/v3');
    const env = { GITHUB_REPOSITORY: 'octo/cluster-config', GITHUB_RUN_ID: '9876', GITHUB_SERVER_URL: 'https://github.com' };
    expect(runUrlFromEnv(env)).toBe('https://github.com/octo/cluster-config/actions/runs/9876');
    expect(runUrlFromEnv({ ...env, GITHUB_RUN_ATTEMPT: '1' })).toBe('https://github.com/octo/cluster-config/actions/runs/9876');
    expect(runUrlFromEnv({ ...env, GITHUB_RUN_ATTEMPT: '3' })).toBe('https://github.com/octo/cluster-config/actions/runs/9876/attempts/3');
    expect(runUrlFromEnv({ GITHUB_REPOSITORY: 'octo/cluster-config' })).toBeUndefined();
  });
});
