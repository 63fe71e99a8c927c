// Bounds on GitHub work. A server that accepts and never answers must not hang the step: each request
// has its own timer and the comment/issue step as a whole a deadline. The timers are ordinary
// (ref'd) ones and the race does not depend on fetch honouring its abort signal.
import { ActionError } from '../errors.js';

/** The whole GitHub step (comment or issue, all its requests): 2 minutes. */
export const GITHUB_STEP_DEADLINE_MS = 120_000;

/** `work` settles, or this rejects after `ms` with a message naming `what`; `signal` aborts the work. */
export async function withDeadline<T>(ms: number, what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const e = new ActionError(`${what} got no answer within ${Math.round(ms / 1000)} s`, {
        hint: 'GitHub (or the proxy in between) did not respond; the step went on without it.',
      });
      ac.abort(e);
      reject(e);
    }, ms);
  });
  try {
    return await Promise.race([work(ac.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
