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

/** The HTTP status of an Octokit RequestError (or anything shaped like one), else undefined. */
export function httpStatus(e: unknown): number | undefined {
  const status = typeof e === 'object' && e !== null ? (e as { status?: unknown }).status : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** GitHub's own message for a failed request ("Resource not accessible by integration"), if any. */
export function apiMessage(e: unknown): string | undefined {
  const data = typeof e === 'object' && e !== null ? (e as { response?: { data?: unknown } }).response?.data : undefined;
  const message = typeof data === 'object' && data !== null ? (data as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : undefined;
}

/** A 403 that is GitHub's (primary or secondary) rate limit rather than a missing permission. */
export function isRateLimited(e: unknown): boolean {
  const headers =
    typeof e === 'object' && e !== null ? (e as { response?: { headers?: Record<string, unknown> } }).response?.headers : undefined;
  return headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(apiMessage(e) ?? '');
}
