// A GitHub API that accepts connections and never answers cannot hang the step.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/github/client.js';
import { withDeadline } from '../../src/github/deadline.js';

let server: http.Server;
let url = '';
const held: http.ServerResponse[] = [];
beforeAll(async () => {
  // reads the request, never writes a byte back
  server = http.createServer((_req, res) => void held.push(res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of held) res.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('GitHub deadlines', () => {
  it('a request to a server that never answers fails with a message naming it', async () => {
    const client = createGitHubClient('ghs_dummy', { apiUrl: url, requestTimeoutMs: 300 });
    await expect(client.octokit.rest.issues.listComments({ owner: 'o', repo: 'r', issue_number: 1 })).rejects.toThrow(
      /GitHub API GET \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments got no answer within 0 s|got no answer/,
    );
    expect(held.length).toBeGreaterThan(0);
  });

  it('withDeadline rejects and aborts work that never settles', async () => {
    let aborted = false;
    const never = (signal: AbortSignal): Promise<void> => new Promise(() => signal.addEventListener('abort', () => (aborted = true)));
    await expect(withDeadline(50, 'The preview comment', never)).rejects.toThrow(/^The preview comment got no answer within 0 s/);
    expect(aborted).toBe(true);
    await expect(withDeadline(1000, 'x', async () => 7)).resolves.toBe(7);
  });
});
