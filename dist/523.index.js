export const id = 523;
export const ids = [523];
export const modules = {

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

//# sourceMappingURL=523.index.js.map