export const id = 584;
export const ids = [584,556,523];
export const modules = {

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


/***/ })

};

//# sourceMappingURL=584.index.js.map