export const id = 648;
export const ids = [648,584,556];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_REQUEST_TIMEOUT_MS: () => (/* binding */ DEFAULT_REQUEST_TIMEOUT_MS),
/* harmony export */   apiMessage: () => (/* binding */ apiMessage),
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient),
/* harmony export */   httpStatus: () => (/* binding */ httpStatus),
/* harmony export */   isRateLimited: () => (/* binding */ isRateLimited)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2413);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9556);
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
    octokit.hook.wrap('request', (request, opts) => request({ ...opts, request: { ...opts.request, signal: opts.request?.signal ?? AbortSignal.timeout(timeoutMs) } }));
    return { octokit, secrets: [token, ...(options.secrets ?? [])] };
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
    const headers = typeof e === 'object' && e !== null
        ? e.response?.headers
        : undefined;
    return headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(apiMessage(e) ?? '');
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

/***/ 8478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qR: () => (/* binding */ redactOutgoing),
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


/***/ }),

/***/ 5267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YL: () => (/* binding */ stickyMarker),
/* harmony export */   qD: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* unused harmony export findMarked */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6584);
/* harmony import */ var _comment_key_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1524);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8478);
/* harmony import */ var _truncate_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(753);
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
    const { owner, repo, number } = params.pr;
    const marker = stickyMarker(params.namespace, params.release, params.key);
    const guard = { redact: params.redact, secrets: [...client.secrets, ...(params.secrets ?? [])] };
    // Redact before measuring: replacing a secret changes the length.
    const sections = (typeof params.body === 'string' ? [{ markdown: params.body }] : params.body).map((s) => ({ ...s, markdown: (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactOutgoing */ .qR)(s.markdown, guard) }));
    const head = `${marker}\n`;
    const fitted = (0,_truncate_js__WEBPACK_IMPORTED_MODULE_4__/* .fitBody */ .KM)(sections, {
        limit: params.limit,
        reserve: (0,_truncate_js__WEBPACK_IMPORTED_MODULE_4__/* .bodySize */ .e4)(head),
        fullReportUrl: params.fullReportUrl,
    });
    const body = head + fitted.body;
    (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .assertNoSecrets */ .v7)(body, guard.secrets);
    let phase = 'list';
    try {
        const comments = await client.octokit.paginate(client.octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number: number,
            per_page: 100,
        });
        const [existing, ...others] = findMarked(comments, marker);
        if (existing) {
            if (existing.body === body) {
                return { status: 'unchanged', commentId: existing.id, url: existing.html_url, truncated: fitted.truncated, duplicates: others.length };
            }
            phase = 'update';
            const { data } = await client.octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
            return { status: 'updated', commentId: data.id, url: data.html_url, truncated: fitted.truncated, duplicates: others.length };
        }
        phase = 'create';
        const { data } = await client.octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
        return { status: 'created', commentId: data.id, url: data.html_url, truncated: fitted.truncated, duplicates: 0 };
    }
    catch (e) {
        const status = (0,_client_js__WEBPACK_IMPORTED_MODULE_1__.httpStatus)(e);
        const verb = { list: 'read the comments of', create: 'comment on', update: 'update its comment on' }[phase];
        const what = `pull request #${number} in ${owner}/${repo}`;
        if (status === 403 || status === 404) {
            return { status: 'skipped', httpStatus: status, warning: permissionWarning(status, `${verb} ${what}`, e, params.pr.fromFork, params.pullRequestTarget) };
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Could not ${verb} ${what}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`, {
            cause: e,
            hint: status === 401
                ? 'The github-token input is invalid or expired; the default `${{ github.token }}` works for this repository.'
                : 'The preview is in the job summary; re-run the job if GitHub had a temporary problem.',
        });
    }
}
function permissionWarning(status, action, e, fromFork, target) {
    const said = (0,_client_js__WEBPACK_IMPORTED_MODULE_1__.apiMessage)(e) ?? (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e);
    const summary = 'The preview is in the job summary only.';
    if (status === 403 && (0,_client_js__WEBPACK_IMPORTED_MODULE_1__.isRateLimited)(e)) {
        return `Could not ${action}: GitHub's API rate limit was reached (HTTP 403: ${said}). ${summary}`;
    }
    // On pull_request_target the token is the base repository's whatever the head is: only the
    // workflow's (or the organisation's) permissions can take the write access away.
    const fork = target
        ? ' This is a `pull_request_target` run: its token belongs to the base repository, fork or not, so the workflow\'s ' +
            '`permissions:` (or the repository or organisation default of read-only workflow tokens) is what withholds `pull-requests: write`.'
        : fromFork
            ? ' This pull request comes from a fork: on `pull_request` events GitHub gives its runs a read-only token, ' +
                'so no comment can be written (a `pull_request_target` workflow can, but must not run code from the fork).'
            : '';
    const why = status === 404
        ? 'the token cannot see this repository or pull request (a token for another repository, or without `pull-requests: read`)'
        : 'the token may not write pull-request comments';
    return (`Could not ${action} (HTTP ${status}: ${said}): ${why}. ` +
        'Give the job `permissions: pull-requests: write` (or pass a `github-token` that has it).' +
        `${fork} ${summary}`);
}
function checkName(what, value) {
    // Config validates these already; checked here because they go into an HTML comment and a label.
    if (!NAME_RE.test(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Invalid ${what} for the GitHub marker: ${JSON.stringify(value)}`);
}


/***/ }),

/***/ 753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KM: () => (/* binding */ fitBody),
/* harmony export */   e4: () => (/* binding */ bodySize)
/* harmony export */ });
/* unused harmony exports GITHUB_BODY_LIMIT, splitLines, scanLine */
// Pure: fit a markdown body under GitHub's size limit for issue/PR bodies and comments without
// breaking it. Only sections marked `cuttable` are shortened, by whole lines from their end; code
// fences and <details> left open by the cut are closed again, and notes say what was cut and that
// the full report is in the job summary.
/** GitHub rejects issue and comment bodies longer than this ("maximum is 65536 characters"). */
const GITHUB_BODY_LIMIT = 65_536;
/**
 * The size GitHub's limit is checked against. Counted in UTF-8 bytes, which is never less than the
 * characters (code points or UTF-16 units) GitHub may count, so a body that fits here fits there.
 */
function bodySize(text) {
    return Buffer.byteLength(text, 'utf8');
}
function fitBody(sections, options = {}) {
    const list = typeof sections === 'string' ? [{ markdown: sections }] : sections;
    const limit = (options.limit ?? GITHUB_BODY_LIMIT) - (options.reserve ?? 0);
    const whole = list.map((s) => s.markdown).join('');
    const wholeSize = bodySize(whole);
    if (wholeSize <= limit)
        return { body: whole, truncated: false, cut: [], replaced: false, size: wholeSize };
    const where = options.fullReportUrl ? `the [job summary](${options.fullReportUrl})` : "this run's job summary";
    const replacement = () => {
        const body = `> [!NOTE]\n> This report is too large for GitHub (${formatNumber(wholeSize)} characters, the limit is ` +
            `${formatNumber(limit)}). The full report is in ${where}.\n`;
        return { body, truncated: true, cut: [], replaced: true, size: bodySize(body) };
    };
    // Fence/<details> state at the start of each section, from the original text.
    const starts = [];
    let state = INITIAL_STATE;
    let lineId = 0;
    for (const s of list) {
        starts.push(state);
        for (const line of splitLines(s.markdown))
            state = scanLine(state, line, lineId++);
    }
    const cuttable = list.map((s, i) => ({ s, i })).filter(({ s }) => s.cuttable);
    const labels = cuttable.map(({ s, i }) => s.label ?? `section ${i + 1}`);
    const finalNote = `\n\n---\n> [!NOTE]\n> Shortened to fit GitHub's size limit (${formatNumber(limit)} characters): ` +
        `cut inside the ${joinLabels(labels)}. The full report is in ${where}.\n`;
    const fixedSize = list.filter((s) => !s.cuttable).reduce((n, s) => n + bodySize(s.markdown), 0);
    const available = limit - fixedSize - bodySize(finalNote);
    if (cuttable.length === 0 || available < 0)
        return replacement();
    // Water-filling: small cuttable sections stay whole, the large ones share what is left equally.
    const allocation = new Map();
    let remaining = available;
    const bySize = [...cuttable].sort((a, b) => bodySize(a.s.markdown) - bodySize(b.s.markdown));
    bySize.forEach(({ s, i }, n) => {
        const share = Math.floor(remaining / (bySize.length - n));
        const size = bodySize(s.markdown);
        const given = Math.min(size, share);
        allocation.set(i, given);
        remaining -= given;
    });
    const out = [];
    const cut = [];
    for (const [i, s] of list.entries()) {
        const budget = allocation.get(i);
        if (budget === undefined || budget >= bodySize(s.markdown)) {
            out.push(s.markdown);
            continue;
        }
        const label = s.label ?? `section ${i + 1}`;
        const shortened = cutSection(s.markdown, starts[i], budget, label, where);
        if (shortened === undefined)
            return replacement();
        out.push(shortened);
        cut.push(label);
    }
    const body = out.join('').replace(/\n*$/, '') + finalNote;
    const size = bodySize(body);
    // The allocation above guarantees this; checked because a body over the limit is rejected outright.
    if (size > limit)
        return replacement();
    return { body, truncated: true, cut, replaced: false, size };
}
const INITIAL_STATE = { fence: undefined, details: 0 };
const FENCE_OPEN_RE = /^( {0,3})(`{3,}|~{3,})([^\r\n]*?)\s*$/;
const FENCE_CLOSE_RE = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/;
/** Lines with their line ends, so joining them gives the text back. */
function splitLines(text) {
    return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
/** Pure: the structure state after one more line. */
function scanLine(state, line, id) {
    const text = line.replace(/\r?\n$/, '');
    if (state.fence) {
        const m = FENCE_CLOSE_RE.exec(text);
        if (m && m[1][0] === state.fence.char && m[1].length >= state.fence.length)
            return { ...state, fence: undefined };
        return state;
    }
    const open = FENCE_OPEN_RE.exec(text);
    if (open && !(open[2][0] === '`' && open[3].includes('`'))) {
        const char = open[2][0];
        return { ...state, fence: { char, length: open[2].length, indent: open[1], info: open[3], id } };
    }
    // Tags in HTML comments and inline code are text, not elements.
    const html = text.replace(/<!--.*?-->/g, '').replace(/(`+).*?\1/g, '');
    const opened = html.match(/<details(?=[\s>])/gi)?.length ?? 0;
    const closed = html.match(/<\/details\s*>/gi)?.length ?? 0;
    return opened === closed ? state : { ...state, details: Math.max(0, state.details + opened - closed) };
}
/**
 * The longest whole-line prefix of `text` that, with what closes what it leaves open and a note,
 * fits `budget`; undefined when not even the note fits. `start` is the state before the section.
 * What follows the section sees the same structure as after the whole section.
 */
function cutSection(text, start, budget, label, where) {
    const lines = splitLines(text);
    const states = [start];
    const prefixSize = [0];
    lines.forEach((line, i) => {
        states.push(scanLine(states[i], line, -1 - i));
        prefixSize.push(prefixSize[i] + bodySize(line));
    });
    const end = states[lines.length];
    for (let k = lines.length - 1; k >= 0; k--) {
        if (prefixSize[k] > budget)
            continue;
        const tail = closeAfterCut(states[k], end, countContentLines(lines.slice(k)), label, where);
        const prefix = lines.slice(0, k).join('');
        // A prefix without a final line end only happens for k = lines.length, which is no cut.
        if (prefixSize[k] + bodySize(tail) <= budget)
            return prefix + tail;
    }
    return undefined;
}
/** What goes after the kept lines so the section ends in the same structure the whole one did. */
function closeAfterCut(at, end, omitted, label, where) {
    const lines = `${formatNumber(omitted)} more line${omitted === 1 ? '' : 's'}`;
    const sameFence = at.fence !== undefined && end.fence !== undefined && at.fence.id === end.fence.id;
    const parts = [];
    if (sameFence) {
        // Still inside the fence the next section closes: the note is a line of that code block.
        parts.push(`… ${lines} of the ${label} not shown; the full ${label} is in the job summary\n`);
    }
    else {
        if (at.fence)
            parts.push(`${at.fence.indent}${at.fence.char.repeat(at.fence.length)}\n`);
        parts.push(`\n_✂ ${lines} of the ${label} not shown. The full ${label} is in ${where}._\n`);
        for (let d = at.details; d > end.details; d--)
            parts.push('\n</details>\n');
        for (let d = at.details; d < end.details; d++)
            parts.push('<details>\n');
        if (end.fence) {
            // The whole section ended inside a fence that a later section closes: open one like it.
            parts.push(`${end.fence.indent}${end.fence.char.repeat(end.fence.length)}${end.fence.info}\n`);
        }
    }
    return parts.join('');
}
/** Lines the reader misses: not blank, not a fence line, not a bare <details>/<summary> tag line. */
function countContentLines(lines) {
    return lines.filter((l) => {
        const t = l.trim();
        return t !== '' && !/^(`{3,}|~{3,})[^\s`]*$/.test(t) && !/^(<\/?details\b[^>]*>|<summary>.*<\/summary>)+$/i.test(t);
    }).length;
}
function formatNumber(n) {
    return n.toLocaleString('en-US');
}
function joinLabels(labels) {
    if (labels.length <= 1)
        return labels[0] ?? 'report';
    return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}


/***/ })

};

//# sourceMappingURL=648.index.js.map