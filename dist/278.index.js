export const id = 278;
export const ids = [278];
export const modules = {

/***/ 6278:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ logInfo)
/* harmony export */ });
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


/***/ })

};

//# sourceMappingURL=278.index.js.map