// What a failed GitHub request means, for both writers (the preview comment and the drift issue).
// A missing permission (403/404), the rate limit, or a feature the repository has switched off (410)
// is a warning that names the fix: the job summary has the report anyway. Anything else (a bad
// token, a server error, a time-out) is thrown with a hint.
import { ActionError, errorMessage } from '../errors.js';

export interface GitHubWrite {
  /** what was being done, after "Could not": "comment on pull request #3 in octo/repo" */
  action: string;
  /** why a 403 happened: "the token may not write pull-request comments" */
  forbidden: string;
  /** why a 404 happened */
  notFound: string;
  /** the job permission that allows it: "pull-requests: write" */
  permission: string;
  /** after the permission fix: ", or set `drift-issue: false`" */
  orElse?: string;
  /** after the fix, before `fallback`: why this run's token cannot have the permission (a fork) */
  context?: string;
  /** a 410's meaning and fix; without it a 410 is thrown */
  gone?: string;
  /** the warning's last sentence: where the report is anyway */
  fallback: string;
  /** the thrown error's hint on a 401 */
  unauthorized: string;
  /** the thrown error's hint otherwise */
  retry: string;
}

export interface SkippedWrite {
  httpStatus: number;
  warning: string;
}

/** The warning for a write GitHub refused that the run can go on without; throws for any other failure. */
export function skipOrThrow(e: unknown, w: GitHubWrite): SkippedWrite {
  const status = httpStatus(e);
  const said = apiMessage(e) ?? errorMessage(e);
  if (status === 403 && isRateLimited(e)) {
    return { httpStatus: status, warning: `Could not ${w.action}: GitHub's API rate limit was reached (HTTP 403: ${said}). ${w.fallback}` };
  }
  if (status === 403 || status === 404) {
    const why = status === 404 ? w.notFound : w.forbidden;
    const fix = `Give the job \`permissions: ${w.permission}\` (or pass a \`github-token\` that has it)${w.orElse ?? ''}.`;
    return {
      httpStatus: status,
      warning: `Could not ${w.action} (HTTP ${status}: ${said}): ${why}. ${fix}${w.context ?? ''} ${w.fallback}`,
    };
  }
  if (status === 410 && w.gone) {
    return { httpStatus: status, warning: `Could not ${w.action} (HTTP 410: ${said}): ${w.gone}. ${w.fallback}` };
  }
  throw new ActionError(`Could not ${w.action}: ${errorMessage(e)}`, { cause: e, hint: status === 401 ? w.unauthorized : w.retry });
}

/** The HTTP status of an Octokit RequestError (or anything shaped like one), else undefined. */
export function httpStatus(e: unknown): number | undefined {
  const status = typeof e === 'object' && e !== null ? (e as { status?: unknown }).status : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** GitHub's own message for a failed request ("Resource not accessible by integration"), if any. */
function apiMessage(e: unknown): string | undefined {
  const data = typeof e === 'object' && e !== null ? (e as { response?: { data?: unknown } }).response?.data : undefined;
  const message = typeof data === 'object' && data !== null ? (data as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : undefined;
}

/** A 403 that is GitHub's (primary or secondary) rate limit rather than a missing permission. */
function isRateLimited(e: unknown): boolean {
  const headers =
    typeof e === 'object' && e !== null ? (e as { response?: { headers?: Record<string, unknown> } }).response?.headers : undefined;
  return headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(apiMessage(e) ?? '');
}
