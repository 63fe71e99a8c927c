// The sticky comment and the drift issue are only ever ones this action's identity wrote. Anyone can
// post a comment (or, with triage rights, label an issue) that starts with the marker; editing it
// would put the report under their name (or let them steer which one gets rewritten). The workflow
// token writes as github-actions[bot]; a personal token writes as its user, learnt from GET /user
// (which the workflow token may not call: then only the bot counts).
import type { GitHubClient } from './client.js';

const ACTIONS_BOT = 'github-actions[bot]';

interface Authored {
  user?: { login?: string } | null;
}

/** The marked comments or issues written by this action's identity, in order. */
export async function ownWritings<T extends Authored>(client: GitHubClient, marked: readonly T[]): Promise<T[]> {
  const author = (c: T): string | undefined => c.user?.login ?? undefined;
  if (marked.every((c) => author(c) === ACTIONS_BOT)) return [...marked];
  const self = await tokenLogin(client);
  return marked.filter((c) => author(c) === ACTIONS_BOT || (self !== undefined && author(c) === self));
}

async function tokenLogin(client: GitHubClient): Promise<string | undefined> {
  try {
    return (await client.octokit.rest.users.getAuthenticated()).data.login;
  } catch {
    return undefined;
  }
}
