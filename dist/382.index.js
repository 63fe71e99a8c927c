export const id = 382;
export const ids = [382];
export const modules = {

/***/ 9382:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DRIFT_LABEL_COLOR: () => (/* binding */ DRIFT_LABEL_COLOR),
/* harmony export */   driftLabel: () => (/* binding */ driftLabel),
/* harmony export */   driftMarker: () => (/* binding */ driftMarker),
/* harmony export */   storedFingerprint: () => (/* binding */ storedFingerprint),
/* harmony export */   syncDriftIssue: () => (/* binding */ syncDriftIssue)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6584);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8478);
/* harmony import */ var _sticky_comment_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5267);
/* harmony import */ var _truncate_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(753);
// `drift-issue: true`: one GitHub issue per release/namespace, found by its label and hidden marker.
// Drift and no open issue → open one. Drift and an open issue → its description is replaced by the
// latest report (silent), and a comment is added only when the differences changed since the last
// run, so a nightly schedule that keeps finding the same drift sends no notifications. Clean and an
// open issue → a comment, then closed. Clean and none open → nothing is written.






const DRIFT_LABEL_COLOR = 'd93f0b';
const LABEL_PREFIX = 'cilium-drift:';
const LABEL_MAX = 50; // GitHub's limit for label names
/** `cilium-drift:<namespace>/<release>`, shortened with a hash when over GitHub's 50 characters. */
function driftLabel(namespace, release) {
    (0,_sticky_comment_js__WEBPACK_IMPORTED_MODULE_4__/* .stickyMarker */ .YL)(namespace, release); // same name rules
    const full = `${LABEL_PREFIX}${namespace}/${release}`;
    if (full.length <= LABEL_MAX)
        return full;
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${namespace}/${release}`).digest('hex').slice(0, 8);
    return `${full.slice(0, LABEL_MAX - hash.length - 1)}~${hash}`;
}
/** The hidden first line of the drift issue of one release (distinct from the PR comment's). */
function driftMarker(namespace, release) {
    (0,_sticky_comment_js__WEBPACK_IMPORTED_MODULE_4__/* .stickyMarker */ .YL)(namespace, release);
    return `<!-- cilium-native-routing-action:drift:${namespace}/${release} -->`;
}
const FINGERPRINT_RE = /<!-- cilium-native-routing-action:drift-fingerprint:([0-9a-f]+) -->/;
/** Pure: the fingerprint stored in an issue body, if any. */
function storedFingerprint(body) {
    return FINGERPRINT_RE.exec(body ?? '')?.[1];
}
async function syncDriftIssue(client, params) {
    const { owner, repo } = params.repo;
    const { namespace, release } = params;
    const label = driftLabel(namespace, release);
    const marker = driftMarker(namespace, release);
    const guard = { redact: params.redact, secrets: [...client.secrets, ...(params.secrets ?? [])] };
    const checked = `${(params.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z')}${params.runUrl ? ` in [this run](${params.runUrl})` : ''}`;
    const send = (text) => {
        (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .assertNoSecrets */ .v7)(text, guard.secrets);
        return text;
    };
    let phase = 'find the open drift issue in';
    try {
        const open = await findOpenIssue(client, owner, repo, label, marker);
        if (!params.drift) {
            if (!open)
                return { action: 'none' };
            phase = 'close the drift issue in';
            await client.octokit.rest.issues.createComment({
                owner,
                repo,
                issue_number: open.number,
                body: send((0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactOutgoing */ .qR)(`No drift any more: the cluster matches the desired configuration (checked ${checked}). Closing.\n`, guard)),
            });
            const { data } = await client.octokit.rest.issues.update({
                owner,
                repo,
                issue_number: open.number,
                state: 'closed',
                state_reason: 'completed',
            });
            return { action: 'closed', issueNumber: data.number, url: data.html_url };
        }
        const sections = (typeof params.report === 'string' || params.report === undefined
            ? [{ markdown: params.report ?? '' }]
            : params.report).map((s) => ({ ...s, markdown: (0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactOutgoing */ .qR)(s.markdown, guard) }));
        const fingerprint = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
            .update(params.fingerprint ?? sections.map((s) => s.markdown).join(''))
            .digest('hex')
            .slice(0, 16);
        const head = `${marker}\n<!-- cilium-native-routing-action:drift-fingerprint:${fingerprint} -->\n` +
            `**Configuration drift** in Cilium release \`${release}\` (namespace \`${namespace}\`), last checked ${checked}.\n\n`;
        const tail = '\n\n---\n_Kept up to date by cilium-native-routing-action (`drift-issue: true`): the description shows the ' +
            'latest differences, a comment is added when they change, and the issue is closed when the cluster is clean._\n';
        const fitted = (0,_truncate_js__WEBPACK_IMPORTED_MODULE_5__/* .fitBody */ .KM)(sections, {
            limit: params.limit,
            reserve: (0,_truncate_js__WEBPACK_IMPORTED_MODULE_5__/* .bodySize */ .e4)(head) + (0,_truncate_js__WEBPACK_IMPORTED_MODULE_5__/* .bodySize */ .e4)(tail),
            fullReportUrl: params.runUrl,
        });
        const body = send(head + fitted.body + tail);
        if (!open) {
            phase = 'open a drift issue in';
            await ensureLabel(client, owner, repo, label, namespace, release);
            const { data } = await client.octokit.rest.issues.create({
                owner,
                repo,
                title: send((0,_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactOutgoing */ .qR)(`Cilium configuration drift: ${namespace}/${release}`, guard)),
                body,
                labels: [label],
            });
            return { action: 'opened', issueNumber: data.number, url: data.html_url, truncated: fitted.truncated };
        }
        phase = 'update the drift issue in';
        const changed = storedFingerprint(open.body) !== fingerprint;
        if (changed) {
            const commentHead = `The differences changed (checked ${checked}):\n\n`;
            const comment = (0,_truncate_js__WEBPACK_IMPORTED_MODULE_5__/* .fitBody */ .KM)(sections, {
                limit: params.limit,
                reserve: (0,_truncate_js__WEBPACK_IMPORTED_MODULE_5__/* .bodySize */ .e4)(commentHead),
                fullReportUrl: params.runUrl,
            });
            await client.octokit.rest.issues.createComment({
                owner,
                repo,
                issue_number: open.number,
                body: send(commentHead + comment.body),
            });
        }
        const bodyUpdated = open.body !== body;
        if (bodyUpdated) {
            await client.octokit.rest.issues.update({ owner, repo, issue_number: open.number, body });
        }
        return {
            action: 'updated',
            issueNumber: open.number,
            url: open.html_url,
            bodyUpdated,
            commented: changed,
            truncated: fitted.truncated,
        };
    }
    catch (e) {
        const status = (0,_client_js__WEBPACK_IMPORTED_MODULE_2__.httpStatus)(e);
        const where = `${owner}/${repo}`;
        if (status === 403 || status === 404) {
            const said = (0,_client_js__WEBPACK_IMPORTED_MODULE_2__.apiMessage)(e) ?? (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e);
            const warning = status === 403 && (0,_client_js__WEBPACK_IMPORTED_MODULE_2__.isRateLimited)(e)
                ? `Could not ${phase} ${where}: GitHub's API rate limit was reached (HTTP 403: ${said}). The drift report is in the job summary.`
                : `Could not ${phase} ${where} (HTTP ${status}: ${said}): the token may not ${status === 404 ? 'see this repository\'s issues' : 'write issues'}. ` +
                    'Give the job `permissions: issues: write` (or pass a `github-token` that has it), or set `drift-issue: false`. ' +
                    'The drift report is in the job summary.';
            return { action: 'skipped', httpStatus: status, warning };
        }
        if (status === 410) {
            const warning = `Could not ${phase} ${where} (HTTP 410: ${(0,_client_js__WEBPACK_IMPORTED_MODULE_2__.apiMessage)(e) ?? (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}): issues are disabled in this ` +
                'repository. Enable them in the repository settings or set `drift-issue: false`. The drift report is in the job summary.';
            return { action: 'skipped', httpStatus: status, warning };
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Could not ${phase} ${where}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}`, {
            cause: e,
            hint: status === 401
                ? 'The github-token input is invalid or expired.'
                : 'The drift report is in the job summary; the issue is brought up to date on the next run.',
        });
    }
}
/** The oldest open issue (not pull request) with the label and the marker. */
async function findOpenIssue(client, owner, repo, label, marker) {
    const issues = await client.octokit.paginate(client.octokit.rest.issues.listForRepo, {
        owner,
        repo,
        labels: label,
        state: 'open',
        sort: 'created',
        direction: 'asc',
        per_page: 100,
    });
    return issues.find((i) => !i.pull_request && (i.body ?? '').trimStart().startsWith(marker));
}
async function ensureLabel(client, owner, repo, name, namespace, release) {
    try {
        await client.octokit.rest.issues.getLabel({ owner, repo, name });
        return;
    }
    catch (e) {
        if ((0,_client_js__WEBPACK_IMPORTED_MODULE_2__.httpStatus)(e) !== 404)
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
        if ((0,_client_js__WEBPACK_IMPORTED_MODULE_2__.httpStatus)(e) !== 422)
            throw e;
    }
}


/***/ })

};

//# sourceMappingURL=382.index.js.map