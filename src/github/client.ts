// The REST client: @actions/github's Octokit (runner proxy settings, pagination, REST methods)
// pointed at GITHUB_API_URL, with a time-out per request so a hung API cannot hang the step.
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { apiUrlFromEnv } from './context.js';
import { withDeadline } from './deadline.js';

type Octokit = ReturnType<typeof getOctokit>;

export interface GitHubClient {
  readonly octokit: Octokit;
  /** never sent in a title or body: the token itself and whatever the caller adds */
  readonly secrets: readonly string[];
}

export interface GitHubClientOptions {
  /** default: GITHUB_API_URL from `env`, else https://api.github.com */
  apiUrl?: string;
  env?: NodeJS.ProcessEnv;
  /** more secrets to keep out of everything sent (kubeconfig content, ...) */
  secrets?: readonly string[];
  /** per request; default 30 s */
  requestTimeoutMs?: number;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export function createGitHubClient(token: string, options: GitHubClientOptions = {}): GitHubClient {
  const baseUrl = (options.apiUrl ?? apiUrlFromEnv(options.env ?? process.env)).replace(/\/+$/, '');
  const octokit = getOctokit(token, {
    baseUrl,
    log: { debug: core.debug, info: core.debug, warn: core.warning, error: core.error },
  });
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  octokit.hook.wrap('request', (request, opts) =>
    withDeadline(timeoutMs, `GitHub API ${opts.method} ${opts.url}`, (signal) => {
      const own = opts.request?.signal;
      return Promise.resolve(request({ ...opts, request: { ...opts.request, signal: own ? AbortSignal.any([own, signal]) : signal } }));
    }),
  );
  return { octokit, secrets: [token, ...(options.secrets ?? [])] };
}
