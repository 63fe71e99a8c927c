// A real HTTP server on 127.0.0.1 standing in for the parts of the GitHub REST API the action uses:
// issue comments (paginated with Link headers like GitHub), issues, labels. It checks the token,
// GitHub's body size limit and required fields, keeps state between runs, records every request,
// and can be told to fail requests (403 for a read-only token, 500, ...).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** path below the API root, without the query: /repos/o/r/issues/7/comments */
  path: string;
  query: Record<string, string>;
  /** parsed JSON body, undefined for none */
  body: unknown;
  rawBody: string;
  authorization: string | undefined;
}

export interface FakeComment {
  id: number;
  body: string;
  html_url: string;
  user: { login: string; type: string };
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: { name: string }[];
  html_url: string;
  pull_request?: { url: string };
  comments: FakeComment[];
  user: { login: string; type: string };
}

export interface Failure {
  method: string;
  path: RegExp;
  status: number;
  message?: string;
  headers?: Record<string, string>;
  /** how many requests it fails; default all */
  times?: number;
}

export interface FakeGitHubOptions {
  token: string;
  owner?: string;
  repo?: string;
  /** the most per page, whatever per_page asks (GitHub: 100); small to get several pages */
  maxPerPage?: number;
  /** served under this path, like GitHub Enterprise's /api/v3 */
  prefix?: string;
}

export const BODY_LIMIT = 65_536;

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly issues = new Map<number, FakeIssue>();
  readonly labels = new Map<string, { name: string; color: string; description: string | null }>();
  readonly failures: Failure[] = [];
  private nextNumber = 1;
  private nextCommentId = 1000;
  private server: http.Server | undefined;
  private origin = '';
  readonly owner: string;
  readonly repo: string;

  constructor(readonly options: FakeGitHubOptions) {
    this.owner = options.owner ?? 'octo';
    this.repo = options.repo ?? 'cluster-config';
  }

  /** The API base URL, for GITHUB_API_URL / baseUrl. */
  get url(): string {
    return `${this.origin}${this.options.prefix ?? ''}`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((e) => (e ? reject(e) : resolve())) ?? resolve());
  }

  /** Seed: a pull request (an issue with pull_request set) with comments. */
  addPullRequest(bodies: readonly string[] = [], user = 'someone'): FakeIssue {
    const pr = this.newIssue({ title: 'A pull request', body: 'PR text', labels: [] });
    pr.pull_request = { url: `${this.url}/repos/${this.owner}/${this.repo}/pulls/${pr.number}` };
    for (const b of bodies) this.addComment(pr, b, user);
    return pr;
  }

  addComment(issue: FakeIssue, body: string, user = 'someone'): FakeComment {
    const id = this.nextCommentId++;
    const c = {
      id,
      body,
      html_url: `https://github.example/${this.owner}/${this.repo}/issues/${issue.number}#issuecomment-${id}`,
      user: userOf(user),
    };
    issue.comments.push(c);
    return c;
  }

  /** An issue as `user` opened it (default: the workflow token's bot, as the action's own are). */
  newIssue(fields: { title: string; body: string | null; labels: string[] }, user = 'github-actions[bot]'): FakeIssue {
    const number = this.nextNumber++;
    const issue: FakeIssue = {
      user: userOf(user),
      number,
      title: fields.title,
      body: fields.body,
      state: 'open',
      state_reason: null,
      labels: fields.labels.map((name) => ({ name })),
      html_url: `https://github.example/${this.owner}/${this.repo}/issues/${number}`,
      comments: [],
    };
    this.issues.set(number, issue);
    return issue;
  }

  /** Requests other than reads. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  private handle(req: http.IncomingMessage, raw: string, res: http.ServerResponse): void {
    const u = new URL(req.url ?? '/', this.origin);
    const prefix = this.options.prefix ?? '';
    const path = u.pathname.startsWith(prefix) ? u.pathname.slice(prefix.length) : u.pathname;
    let body: unknown;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      return this.send(res, 400, { message: 'Problems parsing JSON' });
    }
    const method = req.method ?? 'GET';
    this.requests.push({
      method,
      path: decodeURIComponent(path),
      query: Object.fromEntries(u.searchParams),
      body,
      rawBody: raw,
      authorization: req.headers.authorization,
    });
    if (req.headers.authorization !== `token ${this.options.token}`) {
      return this.send(res, 401, { message: 'Bad credentials' });
    }
    const failure = this.failures.find((f) => f.method === method && f.path.test(path) && (f.times ?? 1) > 0);
    if (failure) {
      if (failure.times !== undefined) failure.times--;
      return this.send(res, failure.status, { message: failure.message ?? 'failure' }, failure.headers);
    }
    for (const field of ['body', 'title'] as const) {
      const v = (body as Record<string, unknown> | undefined)?.[field];
      if (typeof v === 'string' && [...v].length > BODY_LIMIT) {
        return this.send(res, 422, {
          message: 'Validation Failed',
          errors: [{ field, code: 'custom', message: `${field} is too long (maximum is 65536 characters)` }],
        });
      }
    }
    this.route(method, path, u, body as Record<string, unknown> | undefined, res);
  }

  private route(method: string, path: string, u: URL, body: Record<string, unknown> | undefined, res: http.ServerResponse): void {
    const repoPrefix = `/repos/${this.owner}/${this.repo}`;
    if (!path.startsWith(`${repoPrefix}/`)) return this.send(res, 404, { message: 'Not Found' });
    const rest = path.slice(repoPrefix.length);
    let m: RegExpExecArray | null;

    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = this.issues.get(Number(m[1]));
      if (!issue) return this.send(res, 404, { message: 'Not Found' });
      if (method === 'GET') return this.page(res, u, issue.comments);
      if (method === 'POST') {
        if (typeof body?.body !== 'string') return this.send(res, 422, { message: 'body is missing' });
        return this.send(res, 201, this.addComment(issue, body.body, 'github-actions[bot]'));
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const c = [...this.issues.values()].flatMap((i) => i.comments).find((x) => x.id === Number(m![1]));
      if (!c) return this.send(res, 404, { message: 'Not Found' });
      if (typeof body?.body !== 'string') return this.send(res, 422, { message: 'body is missing' });
      c.body = body.body;
      return this.send(res, 200, c);
    }
    if (rest === '/issues' && method === 'GET') {
      const q = u.searchParams;
      const wanted = (q.get('labels') ?? '').split(',').filter(Boolean);
      const state = q.get('state') ?? 'open';
      let list = [...this.issues.values()].filter(
        (i) => (state === 'all' || i.state === state) && wanted.every((l) => i.labels.some((x) => x.name === l)),
      );
      list.sort((a, b) => a.number - b.number);
      if (q.get('direction') !== 'asc') list = list.reverse();
      return this.page(res, u, list.map(publicIssue));
    }
    if (rest === '/issues' && method === 'POST') {
      if (typeof body?.title !== 'string') return this.send(res, 422, { message: 'title is missing' });
      const labels = (body.labels as string[] | undefined) ?? [];
      const missing = labels.find((l) => !this.labels.has(l));
      if (missing) return this.send(res, 422, { message: `label ${missing} does not exist` });
      const issue = this.newIssue({ title: body.title, body: (body.body as string | undefined) ?? null, labels });
      return this.send(res, 201, publicIssue(issue));
    }
    if ((m = /^\/issues\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const issue = this.issues.get(Number(m[1]));
      if (!issue) return this.send(res, 404, { message: 'Not Found' });
      if (typeof body?.body === 'string') issue.body = body.body;
      if (body?.state === 'open' || body?.state === 'closed') issue.state = body.state;
      if (typeof body?.state_reason === 'string') issue.state_reason = body.state_reason;
      return this.send(res, 200, publicIssue(issue));
    }
    if ((m = /^\/labels\/([^/]+)$/.exec(rest)) && method === 'GET') {
      const label = this.labels.get(decodeURIComponent(m[1]!));
      return label ? this.send(res, 200, label) : this.send(res, 404, { message: 'Not Found' });
    }
    if (rest === '/labels' && method === 'POST') {
      const name = body?.name;
      if (typeof name !== 'string' || name.length > 50) return this.send(res, 422, { message: 'invalid name' });
      if (this.labels.has(name)) return this.send(res, 422, { message: 'Validation Failed', errors: [{ code: 'already_exists' }] });
      const label = { name, color: String(body?.color ?? 'ededed'), description: (body?.description as string | undefined) ?? null };
      this.labels.set(name, label);
      return this.send(res, 201, label);
    }
    this.send(res, 404, { message: 'Not Found' });
  }

  /** GitHub-style pagination: page/per_page, capped, with a Link header of absolute URLs. */
  private page(res: http.ServerResponse, u: URL, items: readonly unknown[]): void {
    const perPage = Math.min(Number(u.searchParams.get('per_page') ?? 30), this.options.maxPerPage ?? 100);
    const page = Number(u.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string): string => {
      const next = new URL(u.toString());
      next.searchParams.set('page', String(p));
      return `<${next.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    this.send(res, 200, items.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {});
  }

  private send(res: http.ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(data));
  }
}

const userOf = (login: string) => ({ login, type: login.endsWith('[bot]') ? 'Bot' : 'User' });

function publicIssue(i: FakeIssue): Omit<FakeIssue, 'comments'> & { comments: number } {
  const { comments, ...rest } = i;
  return { ...rest, comments: comments.length };
}
