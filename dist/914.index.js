export const id = 914;
export const ids = [914];
export const modules = {

/***/ 6278:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fH: () => (/* binding */ logInfo)
/* harmony export */ });
/* unused harmony exports couldBeCommand, logWarning */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _redact_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6064);
// The log is a command channel: a line that starts with `::` is a workflow command to the runner
// (save-state, add-mask, set-env…). Text built from data (flow captures, values, tool output, paths)
// goes through here: secrets are hidden, and text that could start a command is written between
// `::stop-commands::TOKEN` and `::TOKEN::` with a fresh random token, so the runner only prints it.



// The runner reads a command from a line's first non-blank characters; `##[` is the older syntax.
const COMMAND_LINE_RE = /^[ \t]*(::|##\[)/m;
/** Whether some line of `text` could be read as a workflow command. */
function couldBeCommand(text) {
    return COMMAND_LINE_RE.test(text);
}
/** Writes `text` to the log, redacted, with workflow commands in it disabled. */
function logInfo(text) {
    const safe = (0,_redact_index_js__WEBPACK_IMPORTED_MODULE_2__/* .redactForLog */ .Vb)(text);
    if (!couldBeCommand(safe) && !safe.includes('\r')) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(safe);
        return;
    }
    let token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)();
    while (safe.includes(token))
        token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)();
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`::stop-commands::${token}`);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(safe);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`::${token}::`);
}
/** A warning annotation from data: redacted (the toolkit escapes its line breaks). */
function logWarning(text) {
    core.warning(redactForLog(text));
}


/***/ }),

/***/ 1914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commentSections: () => (/* binding */ commentSections),
/* harmony export */   postPreviewComment: () => (/* binding */ postPreviewComment)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6584);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9556);
/* harmony import */ var _github_sticky_comment_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5267);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6518);
/* harmony import */ var _log_safe_log_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6278);
// preview on a pull request: the summary as one sticky comment, the manifest diff the part that may be cut.







/** The summary split so that only the manifest diff is cut when the comment is too long. */
function commentSections(markdown) {
    const start = markdown.indexOf(_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .DIFF_SECTION_START */ .lE);
    const end = markdown.indexOf(_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .DIFF_SECTION_END */ .OI);
    if (start < 0 || end < start)
        return [{ markdown }];
    const diff = markdown.slice(start + _summary_js__WEBPACK_IMPORTED_MODULE_5__/* .DIFF_SECTION_START */ .lE.length, end);
    // The fence opener and closer stay whole; the lines between them may be cut.
    const open = diff.indexOf('```diff\n');
    const close = diff.lastIndexOf('\n```');
    if (open < 0 || close < open)
        return [{ markdown }];
    return [
        { markdown: markdown.slice(0, start) + diff.slice(0, open + '```diff\n'.length) },
        { markdown: diff.slice(open + '```diff\n'.length, close), cuttable: true, label: 'manifest diff' },
        { markdown: diff.slice(close) + markdown.slice(end + _summary_js__WEBPACK_IMPORTED_MODULE_5__/* .DIFF_SECTION_END */ .OI.length) },
    ];
}
async function postPreviewComment(report, config, redactor) {
    const pr = (0,_github_context_js__WEBPACK_IMPORTED_MODULE_3__.pullRequestFromEnv)();
    if (!pr)
        return;
    if (!config.githubToken) {
        (0,_log_safe_log_js__WEBPACK_IMPORTED_MODULE_6__/* .logInfo */ .fH)('No github-token: the preview is in the job summary only.');
        return;
    }
    try {
        const client = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_2__.createGitHubClient)(config.githubToken, { secrets: redactor.list() });
        const result = await (0,_github_sticky_comment_js__WEBPACK_IMPORTED_MODULE_4__/* .upsertStickyComment */ .qD)(client, {
            pr,
            namespace: config.namespace,
            release: config.release,
            body: commentSections((0,_summary_js__WEBPACK_IMPORTED_MODULE_5__/* .summaryMarkdown */ .eH)(report)),
            fullReportUrl: (0,_github_context_js__WEBPACK_IMPORTED_MODULE_3__.runUrlFromEnv)(),
            redact: (t) => redactor.text(t),
            secrets: redactor.list(),
        });
        if (result.status === 'skipped')
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(result.warning);
        else
            (0,_log_safe_log_js__WEBPACK_IMPORTED_MODULE_6__/* .logInfo */ .fH)(`Preview comment ${result.status}: ${result.url}`);
    }
    catch (e) {
        // The summary is written already; a comment that fails must not hide the preview's own verdict.
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not post the preview comment: ${redactor.text((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e))}`);
    }
}


/***/ })

};
