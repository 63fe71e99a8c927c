export const id = 914;
export const ids = [914];
export const modules = {

/***/ 1914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commentSections: () => (/* binding */ commentSections),
/* harmony export */   postPreviewComment: () => (/* binding */ postPreviewComment),
/* harmony export */   whyNoComment: () => (/* binding */ whyNoComment)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6584);
/* harmony import */ var _github_comment_key_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1524);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9556);
/* harmony import */ var _github_sticky_comment_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5267);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(922);
// preview on a pull request: the summary as one sticky comment, the manifest diff the part that may be cut.







/** The summary split so that only the manifest diff is cut when the comment is too long. */
function commentSections(markdown) {
    const start = markdown.indexOf(_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .DIFF_SECTION_START */ .lE);
    const end = markdown.indexOf(_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .DIFF_SECTION_END */ .OI);
    if (start < 0 || end < start)
        return [{ markdown }];
    const diff = markdown.slice(start + _summary_js__WEBPACK_IMPORTED_MODULE_6__/* .DIFF_SECTION_START */ .lE.length, end);
    // The fence opener and closer stay whole; the lines between them may be cut.
    const open = diff.indexOf('```diff\n');
    const close = diff.lastIndexOf('\n```');
    if (open < 0 || close < open)
        return [{ markdown }];
    return [
        { markdown: markdown.slice(0, start) + diff.slice(0, open + '```diff\n'.length) },
        { markdown: diff.slice(open + '```diff\n'.length, close), cuttable: true, label: 'manifest diff' },
        { markdown: diff.slice(close) + markdown.slice(end + _summary_js__WEBPACK_IMPORTED_MODULE_6__/* .DIFF_SECTION_END */ .OI.length) },
    ];
}
/** Why this run will not comment (for the summary), or undefined when it will try. */
function whyNoComment(config, env = process.env) {
    const event = env.GITHUB_EVENT_NAME ?? '';
    if (!_github_context_js__WEBPACK_IMPORTED_MODULE_4__.PULL_REQUEST_EVENTS.has(event)) {
        const what = event ? `a \`${event}\` run` : 'a run without a GitHub event (GITHUB_EVENT_NAME is empty)';
        return `No pull-request comment: this is ${what}; the preview comments only on \`pull_request\` and \`pull_request_target\` runs. This summary is the whole preview.`;
    }
    if (!(0,_github_context_js__WEBPACK_IMPORTED_MODULE_4__.pullRequestFromEnv)(env))
        return 'No pull-request comment: the event payload names no pull request. This summary is the whole preview.';
    if (!config.githubToken)
        return 'No pull-request comment: github-token is empty. This summary is the whole preview.';
    return undefined;
}
async function postPreviewComment(report, config, redactor) {
    const pr = (0,_github_context_js__WEBPACK_IMPORTED_MODULE_4__.pullRequestFromEnv)();
    if (!pr || !config.githubToken)
        return;
    try {
        const client = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_2__.createGitHubClient)(config.githubToken, { secrets: redactor.list() });
        const result = await (0,_github_sticky_comment_js__WEBPACK_IMPORTED_MODULE_5__/* .upsertStickyComment */ .qD)(client, {
            pr,
            namespace: config.namespace,
            release: config.release,
            key: config.commentKey ?? (config.kubeconfig || config.baseValues ? undefined : (0,_github_comment_key_js__WEBPACK_IMPORTED_MODULE_3__/* .runnerCurrentContext */ .p)()),
            pullRequestTarget: process.env.GITHUB_EVENT_NAME === 'pull_request_target',
            body: commentSections((0,_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .summaryMarkdown */ .eH)(report)),
            fullReportUrl: (0,_github_context_js__WEBPACK_IMPORTED_MODULE_4__.runUrlFromEnv)(),
            redact: (t) => redactor.text(t),
            secrets: redactor.list(),
        });
        if (result.status === 'skipped')
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(result.warning);
        else
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Preview comment ${result.status}: ${result.url}`);
    }
    catch (e) {
        // The summary is written already; a comment that fails must not hide the preview's own verdict.
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not post the preview comment: ${redactor.text((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e))}`);
    }
}


/***/ })

};

//# sourceMappingURL=914.index.js.map