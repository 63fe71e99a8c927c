export const id = 119;
export const ids = [119];
export const modules = {

/***/ 8119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   needsCluster: () => (/* binding */ needsCluster),
/* harmony export */   verify: () => (/* binding */ verify)
/* harmony export */ });
/* harmony import */ var _report_steps_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(21);
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1662);
/* harmony import */ var _steps_cluster_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6389);
/* harmony import */ var _steps_mesh_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4134);
/* harmony import */ var _steps_judgement_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2908);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2043);
/* harmony import */ var _tools_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(495);







/** A flows-file alone needs no cluster, no kubectl and no download. */
function needsCluster(config) {
    return (config.checks.has('agents') ||
        config.checks.has('bgp') ||
        config.checks.has('connectivity') ||
        (config.checks.has('flows') && !config.flowsFile) ||
        _steps_mesh_js__WEBPACK_IMPORTED_MODULE_3__/* .MESH_CHECKS */ .M.some((c) => config.checks.has(c)));
}
async function verify(ctx) {
    const { config, report } = ctx;
    if (!needsCluster(config)) {
        (0,_steps_judgement_js__WEBPACK_IMPORTED_MODULE_6__/* .setVerdict */ .OU)(report, (0,_record_js__WEBPACK_IMPORTED_MODULE_4__/* .recordChecked */ .ZY)(report, await (0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .runChecks */ .J)(ctx, undefined)));
        return;
    }
    const tools = await (0,_report_steps_js__WEBPACK_IMPORTED_MODULE_0__/* .step */ .P)(report, 'Install tools', () => (0,_tools_js__WEBPACK_IMPORTED_MODULE_5__/* .acquireTools */ .k2)(ctx, (0,_tools_js__WEBPACK_IMPORTED_MODULE_5__/* .toolsNeeded */ .Re)(config)));
    const session = await (0,_steps_cluster_js__WEBPACK_IMPORTED_MODULE_2__/* .openCluster */ .D)(ctx, tools);
    try {
        (0,_steps_judgement_js__WEBPACK_IMPORTED_MODULE_6__/* .setVerdict */ .OU)(report, (0,_record_js__WEBPACK_IMPORTED_MODULE_4__/* .recordChecked */ .ZY)(report, await (0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .runChecks */ .J)(ctx, session)));
    }
    finally {
        session.close();
    }
}


/***/ })

};

//# sourceMappingURL=119.index.js.map