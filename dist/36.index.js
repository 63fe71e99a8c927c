export const id = 36;
export const ids = [36,584,556,523];
export const modules = {

/***/ 3660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ skipOrThrow),
/* harmony export */   n: () => (/* binding */ httpStatus)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// What a failed GitHub request means, for both writers (the preview comment and the drift issue).
// A missing permission (403/404), the rate limit, or a feature the repository has switched off (410)
// is a warning that names the fix: the job summary has the report anyway. Anything else (a bad
// token, a server error, a time-out) is thrown with a hint.

/** The warning for a write GitHub refused that the run can go on without; throws for any other failure. */
function skipOrThrow(e, w) {
    const status = httpStatus(e);
    const said = apiMessage(e) ?? (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e);
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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Could not ${w.action}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`, { cause: e, hint: status === 401 ? w.unauthorized : w.retry });
}
/** The HTTP status of an Octokit RequestError (or anything shaped like one), else undefined. */
function httpStatus(e) {
    const status = typeof e === 'object' && e !== null ? e.status : undefined;
    return typeof status === 'number' ? status : undefined;
}
/** GitHub's own message for a failed request ("Resource not accessible by integration"), if any. */
function apiMessage(e) {
    const data = typeof e === 'object' && e !== null ? e.response?.data : undefined;
    const message = typeof data === 'object' && data !== null ? data.message : undefined;
    return typeof message === 'string' ? message : undefined;
}
/** A 403 that is GitHub's (primary or secondary) rate limit rather than a missing permission. */
function isRateLimited(e) {
    const headers = typeof e === 'object' && e !== null ? e.response?.headers : undefined;
    return headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(apiMessage(e) ?? '');
}


/***/ }),

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2413);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9556);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6523);
// The REST client: @actions/github's Octokit (runner proxy settings, pagination, REST methods)
// pointed at GITHUB_API_URL, with a time-out per request so a hung API cannot hang the step.




const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
function createGitHubClient(token, options = {}) {
    const baseUrl = (options.apiUrl ?? (0,_context_js__WEBPACK_IMPORTED_MODULE_2__.apiUrlFromEnv)(options.env ?? process.env)).replace(/\/+$/, '');
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_1__/* .getOctokit */ .Q)(token, {
        baseUrl,
        log: { debug: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz, info: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz, warn: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e, error: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3 },
    });
    const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    octokit.hook.wrap('request', (request, opts) => (0,_deadline_js__WEBPACK_IMPORTED_MODULE_3__.withDeadline)(timeoutMs, `GitHub API ${opts.method} ${opts.url}`, (signal) => {
        const own = opts.request?.signal;
        return Promise.resolve(request({ ...opts, request: { ...opts.request, signal: own ? AbortSignal.any([own, signal]) : signal } }));
    }));
    return { octokit, secrets: [token, ...(options.secrets ?? [])] };
}


/***/ }),

/***/ 1524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ runnerCurrentContext),
/* harmony export */   s: () => (/* binding */ markerKey)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8815);
/* harmony import */ var _inputs_comment_key_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9054);
// Which cluster a sticky preview comment belongs to, so that a matrix over clusters on one pull
// request keeps one comment per cluster: the comment-key input, else the kube context (the context
// input, the kubeconfig input's current-context, or the runner's kubeconfig's).






/** Pure: the key as it goes into the marker; a context name that could break the comment is hashed. */
function markerKey(key) {
    return _inputs_comment_key_js__WEBPACK_IMPORTED_MODULE_5__/* .COMMENT_KEY_RE */ .i.test(key) ? key : `sha256-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key).digest('hex').slice(0, 16)}`;
}
/** The runner's current kube context (first KUBECONFIG file, else ~/.kube/config), if any. */
function runnerCurrentContext(env = process.env) {
    const file = (env.KUBECONFIG ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_3___default().delimiter)).find((f) => f !== '') ?? node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), '.kube', 'config');
    try {
        const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_4__/* .parse */ .qg)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file, 'utf8'));
        const current = doc?.['current-context'];
        return typeof current === 'string' && current !== '' ? current : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 9556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PULL_REQUEST_EVENTS: () => (/* binding */ PULL_REQUEST_EVENTS),
/* harmony export */   apiUrlFromEnv: () => (/* binding */ apiUrlFromEnv),
/* harmony export */   isForkPullRequest: () => (/* binding */ isForkPullRequest),
/* harmony export */   pullRequestFromEnv: () => (/* binding */ pullRequestFromEnv),
/* harmony export */   pullRequestNumber: () => (/* binding */ pullRequestNumber),
/* harmony export */   repoFromEnv: () => (/* binding */ repoFromEnv),
/* harmony export */   runUrlFromEnv: () => (/* binding */ runUrlFromEnv)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
// Where the action runs, as far as the GitHub API part needs it: the repository, the pull request
// (for the preview comment) and the run's URL (where the full report lives). Read from the runner's
// environment and event payload, never from @actions/github's `context`, which is frozen at import time.

/** Events whose payload carries the pull request the preview is about. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
const REPOSITORY_RE = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;
/** `owner/name` from GITHUB_REPOSITORY, or undefined when it is missing or malformed. */
function repoFromEnv(env = process.env) {
    const m = REPOSITORY_RE.exec((env.GITHUB_REPOSITORY ?? '').trim());
    return m ? { owner: m[1], repo: m[2] } : undefined;
}
/** Pure: the pull request number of a `pull_request`/`pull_request_target` payload, else undefined. */
function pullRequestNumber(eventName, payload) {
    if (!PULL_REQUEST_EVENTS.has(eventName))
        return undefined;
    const pr = field(payload, 'pull_request');
    const n = field(pr, 'number') ?? field(payload, 'number');
    return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
/** Pure: whether the payload's pull request comes from a fork (head repo differs from base repo). */
function isForkPullRequest(payload) {
    const pr = field(payload, 'pull_request');
    const head = field(field(field(pr, 'head'), 'repo'), 'full_name');
    const base = field(field(field(pr, 'base'), 'repo'), 'full_name');
    // A deleted fork has head.repo null: still a fork as far as token permissions go.
    if (field(field(pr, 'head'), 'repo') === null)
        return true;
    return typeof head === 'string' && typeof base === 'string' && head.toLowerCase() !== base.toLowerCase();
}
/**
 * The pull request this run is about, from GITHUB_EVENT_NAME, GITHUB_EVENT_PATH and GITHUB_REPOSITORY;
 * undefined for other events, without a readable payload, or without a repository.
 */
function pullRequestFromEnv(env = process.env, readFile = (p) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(p, 'utf8')) {
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const eventPath = env.GITHUB_EVENT_PATH ?? '';
    const repo = repoFromEnv(env);
    if (!PULL_REQUEST_EVENTS.has(eventName) || eventPath === '' || !repo)
        return undefined;
    let payload;
    try {
        payload = JSON.parse(readFile(eventPath));
    }
    catch {
        // No payload, no PR: the preview still goes to the job summary.
        return undefined;
    }
    const number = pullRequestNumber(eventName, payload);
    return number === undefined ? undefined : { ...repo, number, fromFork: isForkPullRequest(payload) };
}
/** The REST API base URL: GITHUB_API_URL (GHES, tests) or api.github.com. */
function apiUrlFromEnv(env = process.env) {
    const url = (env.GITHUB_API_URL ?? '').trim();
    return (url === '' ? 'https://api.github.com' : url).replace(/\/+$/, '');
}
/** The URL of this workflow run (its page shows the job summary), or undefined outside Actions. */
function runUrlFromEnv(env = process.env) {
    const repo = repoFromEnv(env);
    const runId = (env.GITHUB_RUN_ID ?? '').trim();
    if (!repo || !/^\d+$/.test(runId))
        return undefined;
    const server = ((env.GITHUB_SERVER_URL ?? '').trim() || 'https://github.com').replace(/\/+$/, '');
    const attempt = (env.GITHUB_RUN_ATTEMPT ?? '').trim();
    const base = `${server}/${repo.owner}/${repo.repo}/actions/runs/${runId}`;
    return /^\d+$/.test(attempt) && attempt !== '1' ? `${base}/attempts/${attempt}` : base;
}
function field(o, key) {
    return typeof o === 'object' && o !== null ? o[key] : undefined;
}


/***/ }),

/***/ 6523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GITHUB_STEP_DEADLINE_MS: () => (/* binding */ GITHUB_STEP_DEADLINE_MS),
/* harmony export */   withDeadline: () => (/* binding */ withDeadline)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// Bounds on GitHub work. A server that accepts and never answers must not hang the step: each request
// has its own timer and the comment/issue step as a whole a deadline. The timers are ordinary
// (ref'd) ones and the race does not depend on fetch honouring its abort signal.

/** The whole GitHub step (comment or issue, all its requests): 2 minutes. */
const GITHUB_STEP_DEADLINE_MS = 120_000;
/** `work` settles, or this rejects after `ms` with a message naming `what`; `signal` aborts the work. */
async function withDeadline(ms, what, work) {
    const ac = new AbortController();
    let timer;
    const expired = new Promise((_, reject) => {
        timer = setTimeout(() => {
            const e = new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${what} got no answer within ${Math.round(ms / 1000)} s`, {
                hint: 'GitHub (or the proxy in between) did not respond; the step went on without it.',
            });
            ac.abort(e);
            reject(e);
        }, ms);
    });
    try {
        return await Promise.race([work(ac.signal), expired]);
    }
    finally {
        clearTimeout(timer);
    }
}


/***/ }),

/***/ 9829:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ ownWritings)
/* harmony export */ });
const ACTIONS_BOT = 'github-actions[bot]';
/** The marked comments or issues written by this action's identity, in order. */
async function ownWritings(client, marked) {
    const author = (c) => c.user?.login ?? undefined;
    if (marked.every((c) => author(c) === ACTIONS_BOT))
        return [...marked];
    const self = await tokenLogin(client);
    return marked.filter((c) => author(c) === ACTIONS_BOT || (self !== undefined && author(c) === self));
}
async function tokenLogin(client) {
    try {
        return (await client.octokit.rest.users.getAuthenticated()).data.login;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 8478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y$: () => (/* binding */ redactSections),
/* harmony export */   qR: () => (/* binding */ redactOutgoing),
/* harmony export */   rd: () => (/* binding */ writeGuard),
/* harmony export */   v7: () => (/* binding */ assertNoSecrets)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _report_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(649);
// Pure: the last check before text leaves for GitHub. Whatever the caller's redaction did, no secret
// (the token, kubeconfig content, ...) goes into a comment, issue title or body.



/** `redact` first, then every secret replaced by `***`, then checked. */
function redactOutgoing(text, guard) {
    const out = (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .replaceSecrets */ .Et)(guard.redact ? guard.redact(text) : text, guard.secrets ?? []);
    assertNoSecrets(out, guard.secrets ?? []);
    return out;
}
/** Throws (without printing the secret) when `text` contains a secret. */
function assertNoSecrets(text, secrets) {
    const found = (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .secretVariants */ .J5)(secrets).findIndex((v) => text.includes(v));
    if (found >= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('Refusing to send text to GitHub: it still contains a secret value after redaction', {
            hint: 'This is a bug in the report redaction; please report it (the secret itself is not shown).',
        });
    }
}
/** One write's guard: the caller's redaction, and the client's secrets (its token) with the caller's. */
function writeGuard(client, caller) {
    return { redact: caller.redact, secrets: [...client.secrets, ...(caller.secrets ?? [])] };
}
/** Every section through `redactOutgoing` (a string is one section); before measuring, as redaction changes lengths. */
function redactSections(body, guard) {
    return (typeof body === 'string' ? [{ markdown: body }] : body).map((s) => ({ ...s, markdown: redactOutgoing(s.markdown, guard) }));
}


/***/ }),

/***/ 5267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ stickyMarker),
/* harmony export */   q: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3660);
/* harmony import */ var _comment_key_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1524);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8478);
/* harmony import */ var _truncate_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(753);
/* harmony import */ var _own_writings_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9829);
// The preview's pull-request comment: one per release/namespace, found again by a hidden marker and
// edited in place on every push, never a second one. Without permission to comment (forks,
// read-only tokens) it gives back a warning instead of failing: the job summary has the preview.






const NAME_RE = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
/** The hidden first line that identifies the comment of one release (of one cluster, when keyed). */
function stickyMarker(namespace, release, key) {
    checkName('namespace', namespace);
    checkName('release', release);
    return `<!-- cilium-native-routing-action:${namespace}/${release}${key ? `@${(0,_comment_key_js__WEBPACK_IMPORTED_MODULE_2__/* .markerKey */ .s)(key)}` : ''} -->`;
}
/** Pure: the comments whose body starts with the marker, in API order (oldest first). */
function findMarked(comments, marker) {
    return comments.filter((c) => (c.body ?? '').trimStart().startsWith(marker));
}
async function upsertStickyComment(client, params) {
    const marker = stickyMarker(params.namespace, params.release, params.key);
    const { body, truncated } = commentBody(client, params, marker);
    let phase = 'list';
    try {
        const [existing, ...others] = await markedComments(client, params.pr, marker);
        phase = existing ? 'update' : 'create';
        return { ...(await writeComment(client, params.pr, existing, body)), truncated, duplicates: others.length };
    }
    catch (e) {
        return { status: 'skipped', ...(0,_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .skipOrThrow */ .X)(e, commentWrite(phase, params)) };
    }
}
/** The marker line and the redacted preview, cut to fit under GitHub's limit with it. */
function commentBody(client, params, marker) {
    const guard = (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .writeGuard */ .rd)(client, params);
    const head = `${marker}\n`;
    const fitted = (0,_truncate_js__WEBPACK_IMPORTED_MODULE_4__/* .fitBody */ .KM)((0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSections */ .Y$)(params.body, guard), {
        limit: params.limit,
        reserve: (0,_truncate_js__WEBPACK_IMPORTED_MODULE_4__/* .bodySize */ .e4)(head),
        fullReportUrl: params.fullReportUrl,
    });
    const body = head + fitted.body;
    (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .assertNoSecrets */ .v7)(body, guard.secrets);
    return { body, truncated: fitted.truncated };
}
/** This action's comments on the pull request that start with the marker, oldest first. */
async function markedComments(client, pr, marker) {
    const comments = await client.octokit.paginate(client.octokit.rest.issues.listComments, {
        owner: pr.owner,
        repo: pr.repo,
        issue_number: pr.number,
        per_page: 100,
    });
    return (0,_own_writings_js__WEBPACK_IMPORTED_MODULE_5__/* .ownWritings */ .Q)(client, findMarked(comments, marker));
}
/** The comment edited in place (or left as it is), else a new one. */
async function writeComment(client, pr, existing, body) {
    const { owner, repo, number } = pr;
    if (existing?.body === body)
        return { status: 'unchanged', commentId: existing.id, url: existing.html_url };
    const { data } = existing
        ? await client.octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
        : await client.octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
    return { status: existing ? 'updated' : 'created', commentId: data.id, url: data.html_url };
}
const VERB = { list: 'read the comments of', create: 'comment on', update: 'update its comment on' };
/** How a failed request of this comment reads. Without permission the job summary has the preview. */
function commentWrite(phase, params) {
    const { owner, repo, number, fromFork } = params.pr;
    return {
        action: `${VERB[phase]} pull request #${number} in ${owner}/${repo}`,
        forbidden: 'the token may not write pull-request comments',
        notFound: 'the token cannot see this repository or pull request (a token for another repository, or without `pull-requests: read`)',
        permission: 'pull-requests: write',
        context: forkContext(fromFork, params.pullRequestTarget),
        fallback: 'The preview is in the job summary only.',
        unauthorized: 'The github-token input is invalid or expired; the default `${{ github.token }}` works for this repository.',
        retry: 'The preview is in the job summary; re-run the job if GitHub had a temporary problem.',
    };
}
function forkContext(fromFork, target) {
    // On pull_request_target the token is the base repository's whatever the head is: only the
    // workflow's (or the organisation's) permissions can take the write access away.
    if (target) {
        return (" This is a `pull_request_target` run: its token belongs to the base repository, fork or not, so the workflow's " +
            '`permissions:` (or the repository or organisation default of read-only workflow tokens) is what withholds `pull-requests: write`.');
    }
    return fromFork
        ? ' This pull request comes from a fork: on `pull_request` events GitHub gives its runs a read-only token, ' +
            'so no comment can be written (a `pull_request_target` workflow can, but must not run code from the fork).'
        : '';
}
function checkName(what, value) {
    // Config validates these already; checked here because they go into an HTML comment and a label.
    if (!NAME_RE.test(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Invalid ${what} for the GitHub marker: ${JSON.stringify(value)}`);
}


/***/ }),

/***/ 9036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commentOnPullRequest: () => (/* binding */ commentOnPullRequest),
  preview: () => (/* binding */ preview)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/chart/cilium-config.ts
var cilium_config = __webpack_require__(998);
// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(7291);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
// EXTERNAL MODULE: ./src/chart/manifest.ts
var manifest = __webpack_require__(9127);
;// CONCATENATED MODULE: ./src/chart/manifest-diff.ts
// Object-by-object unified diff of two rendered manifests, secrets redacted.




function diffManifests(before, after, namespace) {
    const b = (0,manifest/* parseManifest */.N)(before, namespace);
    const a = (0,manifest/* parseManifest */.N)(after, namespace);
    const ids = [...new Set([...b.keys(), ...a.keys()])].sort();
    const result = { added: [], removed: [], changed: [], patch: '' };
    const parts = [];
    for (const id of ids) {
        const bt = b.has(id) ? (0,dist/* stringify */.As)((0,redact/* redactObject */.ll)(b.get(id).obj), { sortMapEntries: true }) : '';
        const at = a.has(id) ? (0,dist/* stringify */.As)((0,redact/* redactObject */.ll)(a.get(id).obj), { sortMapEntries: true }) : '';
        if (bt === at)
            continue;
        if (!bt)
            result.added.push(id);
        else if (!at)
            result.removed.push(id);
        else
            result.changed.push(id);
        const patch = (0,create/* createTwoFilesPatch */.ss)(`live/${id}`, `desired/${id}`, bt, at, '', '', { context: 3 });
        // drop the "=====" header line jsdiff writes first
        parts.push(patch.split('\n').slice(1).join('\n').trimEnd());
    }
    result.patch = parts.join('\n');
    return result;
}

// EXTERNAL MODULE: ./src/chart/render.ts
var render = __webpack_require__(4502);
;// CONCATENATED MODULE: ./src/cluster/access.ts
/** No cluster at all (preview with base-values): helm then only renders. */
const NO_CLUSTER = { env: process.env, context: undefined };

// EXTERNAL MODULE: ./src/cluster/helm.ts
var cluster_helm = __webpack_require__(1972);
// EXTERNAL MODULE: ./src/cluster/kubeconfig.ts
var kubeconfig = __webpack_require__(2315);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/steps/judgement.ts
var judgement = __webpack_require__(2908);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(6058);
// EXTERNAL MODULE: ./src/github/client.ts
var github_client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/github/comment-key.ts
var comment_key = __webpack_require__(1524);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
// EXTERNAL MODULE: ./src/github/sticky-comment.ts
var sticky_comment = __webpack_require__(5267);
// EXTERNAL MODULE: ./src/report/summary.ts + 5 modules
var summary = __webpack_require__(3094);
// EXTERNAL MODULE: ./src/log/safe-log.ts
var safe_log = __webpack_require__(6278);
// EXTERNAL MODULE: ./src/github/deadline.ts
var deadline = __webpack_require__(6523);
;// CONCATENATED MODULE: ./src/steps/pr-comment.ts
// preview on a pull request: the summary as one sticky comment, the manifest diff the part that may be cut.









/** The summary split so that only the manifest diff is cut when the comment is too long. */
function commentSections(markdown) {
    const start = markdown.indexOf(summary/* DIFF_SECTION_START */.lE);
    const end = markdown.indexOf(summary/* DIFF_SECTION_END */.OI);
    if (start < 0 || end < start)
        return [{ markdown }];
    const diff = markdown.slice(start + summary/* DIFF_SECTION_START */.lE.length, end);
    // The fence opener and closer stay whole; the lines between them may be cut.
    const open = diff.indexOf('```diff\n');
    const close = diff.lastIndexOf('\n```');
    if (open < 0 || close < open)
        return [{ markdown }];
    return [
        { markdown: markdown.slice(0, start) + diff.slice(0, open + '```diff\n'.length) },
        { markdown: diff.slice(open + '```diff\n'.length, close), cuttable: true, label: 'manifest diff' },
        { markdown: diff.slice(close) + markdown.slice(end + summary/* DIFF_SECTION_END */.OI.length) },
    ];
}
/** Why this run will not comment (for the summary), or undefined when it will try. */
function whyNoComment(config, env = process.env) {
    const event = env.GITHUB_EVENT_NAME ?? '';
    if (!context.PULL_REQUEST_EVENTS.has(event)) {
        // plain prose: notes are shown escaped, as data is
        const what = event ? `a ${event} run` : 'a run without a GitHub event (GITHUB_EVENT_NAME is empty)';
        return `No pull-request comment: this is ${what}; the preview comments only on pull_request and pull_request_target runs. This summary is the whole preview.`;
    }
    if (!(0,context.pullRequestFromEnv)(env))
        return 'No pull-request comment: the event payload names no pull request. This summary is the whole preview.';
    if (!config.githubToken)
        return 'No pull-request comment: github-token is empty. This summary is the whole preview.';
    return undefined;
}
async function postPreviewComment(report, config, redactor) {
    const pr = (0,context.pullRequestFromEnv)();
    if (!pr || !config.githubToken)
        return;
    try {
        const client = (0,github_client.createGitHubClient)(config.githubToken, { secrets: redactor.list() });
        const result = await (0,deadline.withDeadline)(deadline.GITHUB_STEP_DEADLINE_MS, 'The preview comment', () => (0,sticky_comment/* upsertStickyComment */.q)(client, {
            pr,
            namespace: config.namespace,
            release: config.release,
            key: config.commentKey ?? (config.kubeconfig || config.baseValues ? undefined : (0,comment_key/* runnerCurrentContext */.p)()),
            pullRequestTarget: process.env.GITHUB_EVENT_NAME === 'pull_request_target',
            body: commentSections((0,summary/* summaryMarkdown */.eH)(report)),
            fullReportUrl: (0,context.runUrlFromEnv)(),
            redact: (t) => redactor.text(t),
            secrets: redactor.list(),
        }));
        if (result.status === 'skipped')
            core/* warning */.$e(result.warning);
        else
            (0,safe_log/* logInfo */.f)(`Preview comment ${result.status}: ${result.url}`);
    }
    catch (e) {
        // The summary is written already; a comment that fails must not hide the preview's own verdict.
        core/* warning */.$e(`Could not post the preview comment: ${redactor.text((0,errors/* errorMessage */.gJ)(e))}`);
    }
}

// EXTERNAL MODULE: ./src/report/publish.ts + 1 modules
var publish = __webpack_require__(9429);
// EXTERNAL MODULE: ./src/report/steps.ts
var steps = __webpack_require__(21);
// EXTERNAL MODULE: ./src/values/consistency.ts
var consistency = __webpack_require__(5534);
// EXTERNAL MODULE: ./src/values/paths.ts
var paths = __webpack_require__(8614);
// EXTERNAL MODULE: ./src/modes/desired.ts + 12 modules
var desired = __webpack_require__(7221);
// EXTERNAL MODULE: ./src/modes/record.ts
var record = __webpack_require__(2043);
// EXTERNAL MODULE: ./src/modes/tools.ts + 12 modules
var modes_tools = __webpack_require__(495);
// EXTERNAL MODULE: ./src/bgp/expectation.ts
var expectation = __webpack_require__(363);
// EXTERNAL MODULE: ./src/steps/bgp-drift.ts + 1 modules
var bgp_drift = __webpack_require__(1355);
;// CONCATENATED MODULE: ./src/modes/preview.ts
// mode: preview — merge, validate, render, diff against the live release or base-values.
// Read-only: the only helm commands are list/get/template/show.






















/** After the report is published: the sticky pull-request comment carries it (or says why not). */
function commentOnPullRequest(ctx) {
    return postPreviewComment(ctx.report, ctx.config, ctx.redactor);
}
async function preview(ctx) {
    const { config, report } = ctx;
    const withCluster = config.baseValues === undefined;
    // Without a cluster everything about the values is known before any command runs: check it first.
    const early = withCluster ? undefined : (0,desired/* desired */.he)(ctx, config.baseValues.values);
    const tools = await (0,steps/* step */.P)(report, 'Install tools', () => (0,modes_tools/* acquireTools */.k2)(ctx, (0,modes_tools/* toolsNeeded */.Re)(config)));
    const access = withCluster
        ? (0,kubeconfig/* resolveAccess */.pQ)(config.kubeconfig, config.context, config.runnerTemp)
        : { ...NO_CLUSTER, cleanup: () => undefined };
    try {
        const helm = new cluster_helm/* Helm */.f(tools.helm, access);
        const baseline = await (0,steps/* step */.P)(report, withCluster ? 'Read the live release' : 'Read base-values', async () => {
            if (!withCluster)
                return { values: config.baseValues.values, installed: undefined, manifest: undefined };
            return readLiveRelease(ctx, helm);
        });
        const version = (0,desired/* targetVersion */.I$)(ctx, baseline.installed);
        report.baseline = withCluster ? 'live release' : 'base-values';
        // Without a cluster the baseline is base-values rendered by the same chart: render both at once.
        const baselineManifest = baseline.manifest !== undefined ? Promise.resolve(baseline.manifest) : renderBaseline(ctx, helm, baseline.values, version);
        const plan = await (0,steps/* step */.P)(report, 'Merge values and render the chart', () => (0,desired/* plan */.et)(ctx, helm, early ?? (0,desired/* desired */.he)(ctx, baseline.values), version));
        await (0,steps/* step */.P)(report, 'Diff desired against the baseline', async () => {
            const before = await baselineManifest;
            report.changes = plan.desired.changes.map(redact/* redactChange */.Qj);
            report.configChanges = (0,cilium_config/* diffConfig */.O2)(before === undefined ? undefined : (0,cilium_config/* ciliumConfigOf */.Bt)(before, config.namespace), plan.config).map(redact/* redactConfigChange */.qr);
            if (before !== undefined)
                report.manifestDiff = diffManifests(before, plan.manifest, config.namespace);
        });
        report.routingMode = (0,cilium_config/* configRouting */.vm)(plan.config);
        report.encryption = (0,cilium_config/* configEncryption */.av)(plan.config);
        const noComment = whyNoComment(config);
        if (noComment)
            report.notes.push(noComment);
        if (config.bgp)
            (0,record/* recordBgpResources */.AY)(report, config.bgp);
        if (config.bgp && withCluster) {
            const changes = await (0,steps/* step */.P)(report, 'Diff the BGP resources against the live ones', () => (0,bgp_drift/* previewBgpChanges */.Rq)(access, report, config.bgp));
            if (changes)
                report.bgp = { ...report.bgp, changes };
        }
        if (config.bgp && report.encryption === 'wireguard')
            report.notes.push(expectation/* BGP_WIREGUARD_NOTE */.s);
        (0,judgement/* setVerdict */.OU)(report, {
            verdict: 'pass',
            reason: `the merged values render native routing with ${config.bgp ? 'BGP' : 'WireGuard'} on chart ${version ?? config.chart.kind}`,
        });
    }
    finally {
        access.cleanup();
    }
}
/** The live release: its user-supplied values, installed chart version and manifest. */
async function readLiveRelease(ctx, helm) {
    const { config } = ctx;
    const info = await helm.release(config.release, config.namespace);
    if (!info) {
        if (!config.ciliumVersion) {
            throw new errors/* ActionError */.lZ(`There is no Helm release ${config.namespace}/${config.release}`, {
                hint: 'This action changes an existing Cilium installation. Check release/namespace (and the kube context), or set cilium-version to preview a fresh install.',
            });
        }
        return { values: {}, installed: undefined, manifest: '' };
    }
    ctx.report.revision = info.revision;
    const [values, manifest] = await Promise.all([
        helm.getValues(info.name, config.namespace),
        helm.getManifest(info.name, config.namespace),
    ]);
    return { values, installed: info.chartVersion, manifest };
}
/** base-values rendered by the chart; undefined (with a warning) when they do not render. */
async function renderBaseline(ctx, helm, values, version) {
    const { config, report } = ctx;
    const file = external_node_path_default().join((0,publish/* workDir */.H)(config.runnerTemp), `${config.release}-base-values.yaml`);
    // dropped from the baseline as from the desired values: the diff then shows the real change
    const baseline = structuredClone(values);
    for (const r of (0,consistency/* legacyRemovals */.Jp)(values))
        (0,paths/* deletePath */.Rq)(baseline, r.path);
    (0,external_node_fs_.writeFileSync)(file, (0,dist/* stringify */.As)(baseline, { lineWidth: 0 }), { mode: 0o600 });
    try {
        return await (0,render/* renderChart */.x)(helm, {
            chart: config.chart,
            version,
            release: config.release,
            namespace: config.namespace,
            valuesFile: file,
        });
    }
    catch (e) {
        report.warnings.push(`base-values do not render with this chart, so there is no manifest diff: ${(0,errors/* errorMessage */.gJ)(e)}`);
        return undefined;
    }
}


/***/ }),

/***/ 1355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m7: () => (/* binding */ bgpNodeDifferences),
  wk: () => (/* binding */ bgpResourceDifferences),
  Rq: () => (/* binding */ previewBgpChanges)
});

// EXTERNAL MODULE: ./src/values/changes.ts
var changes = __webpack_require__(8771);
// EXTERNAL MODULE: ./src/values/paths.ts
var paths = __webpack_require__(8614);
;// CONCATENATED MODULE: ./src/bgp/compare.ts
// Desired BGP objects against the live ones: every spec key that differs, and objects that are
// missing. Pure; drift reports these, preview shows them.


const show = (v) => (v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v));
/** live: the live object of each kind, undefined when it does not exist */
function compareBgpObjects(desired, live) {
    const out = [];
    for (const want of desired) {
        const id = `${want.kind}/${want.metadata.name}`;
        const have = live.get(want.kind);
        if (!have) {
            out.push({ key: id, expected: 'present', actual: '(missing)' });
            continue;
        }
        const wanted = new Set();
        for (const [path, value] of (0,paths/* leaves */.FQ)(want.spec, ['spec'])) {
            wanted.add((0,paths/* formatPath */.jV)(path));
            const actual = (0,paths/* getPath */.Yn)(have, path);
            if (!(0,changes/* equalValues */.b)(actual, value))
                out.push({ key: `${id} ${(0,paths/* formatPath */.jV)(path)}`, expected: show(value), actual: show(actual) });
        }
        // keys someone added by hand (e.g. a second peer config ref) change the behaviour too
        for (const [path, value] of (0,paths/* leaves */.FQ)(have.spec ?? {}, ['spec'])) {
            const k = (0,paths/* formatPath */.jV)(path);
            if (!wanted.has(k) && (0,paths/* getPath */.Yn)(want, path) === undefined && value !== undefined)
                out.push({ key: `${id} ${k}`, expected: '(unset)', actual: show(value) });
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/bgp/resources.ts
var resources = __webpack_require__(4172);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: ./src/cluster/kubectl.ts
var kubectl = __webpack_require__(9812);
// EXTERNAL MODULE: ./src/steps/bgp-resources.ts
var bgp_resources = __webpack_require__(7230);
;// CONCATENATED MODULE: ./src/steps/bgp-drift.ts
// drift, profile bgp: the live BGP resources against the ones the inputs render, and every node
// whose BGP check failed. Read-only (kubectl get).





async function bgpResourceDifferences(kubectl, bgp) {
    const objects = (0,resources/* bgpObjects */.ur)(bgp);
    const live = await (0,bgp_resources/* readBgpObjects */.GV)(kubectl, objects);
    return compareBgpObjects(objects, live).map((d) => ({ source: 'bgp', ...d }));
}
/** After the checks: nodes whose sessions or advertisement are not as configured. */
function bgpNodeDifferences(rows) {
    return rows
        .filter((r) => !r.ok)
        .map((r) => ({
        source: 'bgp',
        key: `node ${r.node}`,
        expected: `${r.expected} sessions established, pod CIDR advertised`,
        actual: r.problems.join('; '),
    }));
}
/**
 * preview with a cluster: the BGP resources against the live ones, when kubectl is on PATH (preview
 * needs only helm otherwise, so without kubectl the resources are shown without a diff).
 */
async function previewBgpChanges(access, report, bgp) {
    const kubectlPath = await io/* which */.K7('kubectl', false);
    if (!kubectlPath) {
        report.notes.push('kubectl is not on the runner PATH: the BGP resources are shown without a diff against the live ones.');
        return undefined;
    }
    return bgpResourceDifferences(new kubectl/* Kubectl */.b(kubectlPath, access), bgp);
}


/***/ })

};

//# sourceMappingURL=36.index.js.map