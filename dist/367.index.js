export const id = 367;
export const ids = [367];
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

/***/ 3367:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  driftMarker: () => (/* binding */ driftMarker),
  storedFingerprint: () => (/* binding */ storedFingerprint),
  syncDriftIssue: () => (/* binding */ syncDriftIssue)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/github/api-error.ts
var api_error = __webpack_require__(3660);
// EXTERNAL MODULE: ./src/github/redact.ts
var redact = __webpack_require__(8478);
// EXTERNAL MODULE: ./src/github/sticky-comment.ts
var sticky_comment = __webpack_require__(5267);
;// CONCATENATED MODULE: ./src/github/drift-label.ts
// The label that finds a release's drift issue again (with the hidden marker), created when the
// first issue is opened.



const DRIFT_LABEL_COLOR = 'd93f0b';
const LABEL_PREFIX = 'cilium-drift:';
const LABEL_MAX = 50; // GitHub's limit for label names
/** `cilium-drift:<namespace>/<release>`, shortened with a hash when over GitHub's 50 characters. */
function driftLabel(namespace, release) {
    (0,sticky_comment/* stickyMarker */.Y)(namespace, release); // same name rules
    const full = `${LABEL_PREFIX}${namespace}/${release}`;
    if (full.length <= LABEL_MAX)
        return full;
    const hash = (0,external_node_crypto_.createHash)('sha256').update(`${namespace}/${release}`).digest('hex').slice(0, 8);
    return `${full.slice(0, LABEL_MAX - hash.length - 1)}~${hash}`;
}
/** The release's drift label, created when the repository does not have it yet. */
async function ensureLabel(client, { owner, repo }, namespace, release) {
    const name = driftLabel(namespace, release);
    try {
        await client.octokit.rest.issues.getLabel({ owner, repo, name });
        return;
    }
    catch (e) {
        if ((0,api_error/* httpStatus */.n)(e) !== 404)
            throw e;
    }
    try {
        await client.octokit.rest.issues.createLabel({
            owner,
            repo,
            name,
            color: DRIFT_LABEL_COLOR,
            description: `Cilium drift of ${namespace}/${release} (cilium-native-routing-action)`.slice(0, 100),
        });
    }
    catch (e) {
        // 422: created meanwhile by a concurrent run; the label is there, which is all we need.
        if ((0,api_error/* httpStatus */.n)(e) !== 422)
            throw e;
    }
}

// EXTERNAL MODULE: ./src/github/own-writings.ts
var own_writings = __webpack_require__(9829);
// EXTERNAL MODULE: ./src/github/truncate.ts
var truncate = __webpack_require__(753);
;// CONCATENATED MODULE: ./src/github/drift-issue.ts
// `drift-issue: true`: one GitHub issue per release/namespace, found by its label and hidden marker.
// Drift and no open issue → open one. Drift and an open issue → its description is replaced by the
// latest report (silent), and a comment is added only when the differences changed since the last
// run, so a nightly schedule that keeps finding the same drift sends no notifications. Clean and an
// open issue → a comment, then closed. Clean and none open → nothing is written.







/** The hidden first line of the drift issue of one release (distinct from the PR comment's). */
function driftMarker(namespace, release) {
    (0,sticky_comment/* stickyMarker */.Y)(namespace, release);
    return `<!-- cilium-native-routing-action:drift:${namespace}/${release} -->`;
}
const FINGERPRINT_RE = /<!-- cilium-native-routing-action:drift-fingerprint:([0-9a-f]+) -->/;
/** Pure: the fingerprint stored in an issue body, if any. */
function storedFingerprint(body) {
    return FINGERPRINT_RE.exec(body ?? '')?.[1];
}
async function syncDriftIssue(client, params) {
    const label = driftLabel(params.namespace, params.release);
    const run = { client, params, guard: (0,redact/* writeGuard */.rd)(client, params), checked: checkedAt(params) };
    let step = 'find';
    try {
        const open = await findOpenIssue(client, params.repo, label, driftMarker(params.namespace, params.release));
        const report = params.drift ? driftReport(run) : undefined;
        // Drift: open an issue or bring the open one up to date. Clean: close the open one, if any.
        if (!report) {
            if (!open)
                return { action: 'none' };
            step = 'close';
            return await closeIssue(run, open);
        }
        step = open ? 'update' : 'open';
        return open ? await updateIssue(run, open, report) : await openIssue(run, label, report);
    }
    catch (e) {
        return { action: 'skipped', ...(0,api_error/* skipOrThrow */.X)(e, issueWrite(step, params.repo)) };
    }
}
function checkedAt(params) {
    const at = (params.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return `${at}${params.runUrl ? ` in [this run](${params.runUrl})` : ''}`;
}
/** No drift any more: a comment that says so, then the issue closed as completed. */
async function closeIssue(run, open) {
    const { owner, repo } = run.params.repo;
    const text = `No drift any more: the cluster matches the desired configuration (checked ${run.checked}). Closing.\n`;
    await run.client.octokit.rest.issues.createComment({ owner, repo, issue_number: open.number, body: (0,redact/* redactOutgoing */.qR)(text, run.guard) });
    const { data } = await run.client.octokit.rest.issues.update({
        owner,
        repo,
        issue_number: open.number,
        state: 'closed',
        state_reason: 'completed',
    });
    return { action: 'closed', issueNumber: data.number, url: data.html_url };
}
function driftReport(run) {
    const { params, guard } = run;
    const sections = (0,redact/* redactSections */.Y$)(params.report ?? '', guard);
    const fingerprint = (0,external_node_crypto_.createHash)('sha256')
        .update(params.fingerprint ?? sections.map((s) => s.markdown).join(''))
        .digest('hex')
        .slice(0, 16);
    const head = `${driftMarker(params.namespace, params.release)}\n<!-- cilium-native-routing-action:drift-fingerprint:${fingerprint} -->\n` +
        `**Configuration drift** in Cilium release \`${params.release}\` (namespace \`${params.namespace}\`), last checked ${run.checked}.\n\n`;
    const tail = '\n\n---\n_Kept up to date by cilium-native-routing-action (`drift-issue: true`): the description shows the ' +
        'latest differences, a comment is added when they change, and the issue is closed when the cluster is clean._\n';
    const fitted = (0,truncate/* fitBody */.KM)(sections, { limit: params.limit, reserve: (0,truncate/* bodySize */.e4)(head) + (0,truncate/* bodySize */.e4)(tail), fullReportUrl: params.runUrl });
    const body = head + fitted.body + tail;
    (0,redact/* assertNoSecrets */.v7)(body, guard.secrets);
    return { sections, fingerprint, body, truncated: fitted.truncated };
}
async function openIssue(run, label, report) {
    const { client, params } = run;
    const { owner, repo } = params.repo;
    await ensureLabel(client, params.repo, params.namespace, params.release);
    const { data } = await client.octokit.rest.issues.create({
        owner,
        repo,
        title: (0,redact/* redactOutgoing */.qR)(`Cilium configuration drift: ${params.namespace}/${params.release}`, run.guard),
        body: report.body,
        labels: [label],
    });
    return { action: 'opened', issueNumber: data.number, url: data.html_url, truncated: report.truncated };
}
/** The description replaced by the latest report; a comment only when the differences changed. */
async function updateIssue(run, open, report) {
    const { client, params } = run;
    const { owner, repo } = params.repo;
    const changed = storedFingerprint(open.body) !== report.fingerprint;
    if (changed) {
        const head = `The differences changed (checked ${run.checked}):\n\n`;
        const comment = head + (0,truncate/* fitBody */.KM)(report.sections, { limit: params.limit, reserve: (0,truncate/* bodySize */.e4)(head), fullReportUrl: params.runUrl }).body;
        (0,redact/* assertNoSecrets */.v7)(comment, run.guard.secrets);
        await client.octokit.rest.issues.createComment({ owner, repo, issue_number: open.number, body: comment });
    }
    const bodyUpdated = open.body !== report.body;
    if (bodyUpdated)
        await client.octokit.rest.issues.update({ owner, repo, issue_number: open.number, body: report.body });
    return {
        action: 'updated',
        issueNumber: open.number,
        url: open.html_url,
        bodyUpdated,
        commented: changed,
        truncated: report.truncated,
    };
}
const STEP = {
    find: 'find the open drift issue in',
    close: 'close the drift issue in',
    open: 'open a drift issue in',
    update: 'update the drift issue in',
};
/** How a failed request of the sync reads. Without permission the job summary has the drift report. */
function issueWrite(step, { owner, repo }) {
    return {
        action: `${STEP[step]} ${owner}/${repo}`,
        forbidden: 'the token may not write issues',
        notFound: "the token may not see this repository's issues",
        permission: 'issues: write',
        orElse: ', or set `drift-issue: false`',
        gone: 'issues are disabled in this repository. Enable them in the repository settings or set `drift-issue: false`',
        fallback: 'The drift report is in the job summary.',
        unauthorized: 'The github-token input is invalid or expired.',
        retry: 'The drift report is in the job summary; the issue is brought up to date on the next run.',
    };
}
/** The oldest open issue (not pull request) with the label and the marker. */
async function findOpenIssue(client, { owner, repo }, label, marker) {
    const issues = await client.octokit.paginate(client.octokit.rest.issues.listForRepo, {
        owner,
        repo,
        labels: label,
        state: 'open',
        sort: 'created',
        direction: 'asc',
        per_page: 100,
    });
    const marked = issues.filter((i) => !i.pull_request && (i.body ?? '').trimStart().startsWith(marker));
    // only an issue this action's identity opened: anyone who can label an issue could copy the marker
    return (await (0,own_writings/* ownWritings */.Q)(client, marked))[0];
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


/***/ })

};

//# sourceMappingURL=367.index.js.map