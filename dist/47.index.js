export const id = 47;
export const ids = [47];
export const modules = {

/***/ 3497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XT: () => (/* binding */ restartCilium),
/* harmony export */   g7: () => (/* binding */ liveCiliumConfig)
/* harmony export */ });
/* unused harmony exports AGENT_DAEMONSET, OPERATOR_DEPLOYMENT */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _nodes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9543);
// The chart does not restart the agents when cilium-config changes (rollOutCiliumPods defaults to
// false): they keep the old datapath until restarted. So the action restarts them and waits.


const AGENT_DAEMONSET = 'daemonset/cilium';
const OPERATOR_DEPLOYMENT = 'deployment/cilium-operator';
async function restartCilium(kubectl, namespace, deadline) {
    for (const workload of [AGENT_DAEMONSET, OPERATOR_DEPLOYMENT]) {
        await kubectl.run(['rollout', 'restart', workload, '--namespace', namespace], `restart ${workload}`);
    }
    for (const workload of [AGENT_DAEMONSET, OPERATOR_DEPLOYMENT]) {
        const left = Math.max(1, Math.ceil((deadline - Date.now()) / 1000));
        const r = await kubectl.exec(['rollout', 'status', workload, '--namespace', namespace, `--timeout=${left}s`], { timeoutMs: left * 1000 + 15_000 });
        if (r.code !== 0 || r.timedOut) {
            const agents = await (0,_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .listAgents */ .vc)(kubectl, namespace).catch(() => []);
            const notReady = agents.filter((a) => !a.ready).map((a) => `${a.pod} on ${a.node}`);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${workload} did not finish rolling out: ${r.timedOut ? 'timed out' : r.stderr.trim() || r.stdout.trim()}${notReady.length ? `. Agents not ready: ${notReady.join(', ')}` : ''}`, { hint: 'Check the named pods (kubectl describe pod / kubectl logs -c cilium-agent). WireGuard needs UDP 51871 open between nodes (Azure NSG).' });
        }
    }
}
/** cilium-config as the cluster has it now (undefined when missing). */
async function liveCiliumConfig(kubectl, namespace) {
    const cm = await kubectl.get('configmap', 'cilium-config', namespace);
    return cm ? (cm.data ?? {}) : undefined;
}


/***/ }),

/***/ 2047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   drift: () => (/* binding */ drift)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _chart_cilium_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(998);
/* harmony import */ var _cluster_restart_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3497);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _report_redact_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(649);
/* harmony import */ var _report_steps_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(21);
/* harmony import */ var _report_summary_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6518);
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2782);
/* harmony import */ var _cluster_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1258);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1640);
/* harmony import */ var _tools_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(4611);
/* harmony import */ var _tools_install_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(1987);
/* harmony import */ var _log_safe_log_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(6278);
// mode: drift — strictly read-only. Desired values computed exactly as apply would, then every
// difference between: desired and live values; the live cilium-config and what the live release
// renders (a hand edit); what the agents report and what the desired config means; optionally flows.














const show = (v) => (v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v));
async function drift(ctx) {
    const { config, report } = ctx;
    const tools = await (0,_report_steps_js__WEBPACK_IMPORTED_MODULE_6__/* .step */ .P)(report, 'Install tools', () => (0,_tools_js__WEBPACK_IMPORTED_MODULE_11__/* .acquireTools */ .k)(ctx, (0,_tools_install_js__WEBPACK_IMPORTED_MODULE_12__/* .toolsNeeded */ .Re)(config)));
    const session = await (0,_cluster_js__WEBPACK_IMPORTED_MODULE_9__/* .openCluster */ .D)(ctx, tools);
    const helm = session.helm;
    try {
        const live = await (0,_report_steps_js__WEBPACK_IMPORTED_MODULE_6__/* .step */ .P)(report, 'Read the live release, cilium-config and manifest', async () => {
            const info = await helm.release(config.release, config.namespace);
            if (!info) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`There is no Helm release ${config.namespace}/${config.release} to check for drift`, {
                    hint: 'Check release, namespace and the kube context.',
                });
            }
            const [values, manifest, cm] = await Promise.all([
                helm.getValues(info.name, config.namespace),
                helm.getManifest(info.name, config.namespace),
                (0,_cluster_restart_js__WEBPACK_IMPORTED_MODULE_3__/* .liveCiliumConfig */ .g7)(session.kubectl, config.namespace),
            ]);
            return { info, values, manifest, cm };
        });
        report.revision = live.info.revision;
        const version = await (0,_plan_js__WEBPACK_IMPORTED_MODULE_10__/* .chartVersionFor */ .CM)(ctx, helm, live.info.chartVersion);
        const plan = await (0,_report_steps_js__WEBPACK_IMPORTED_MODULE_6__/* .step */ .P)(report, 'Compute the desired state', () => (0,_plan_js__WEBPACK_IMPORTED_MODULE_10__/* .planDesired */ .oR)(ctx, helm, (0,_plan_js__WEBPACK_IMPORTED_MODULE_10__/* .desiredFor */ .ER)(ctx, live.values), version));
        const differences = [];
        // 1. desired values against the live release's values
        for (const c of plan.desired.changes.map(_report_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redactChange */ .Qj)) {
            differences.push({ source: 'values', key: c.key, expected: show(c.after), actual: show(c.before) });
        }
        if (config.ciliumVersion && config.ciliumVersion !== live.info.chartVersion) {
            differences.push({ source: 'values', key: 'chart version', expected: config.ciliumVersion, actual: live.info.chartVersion });
        }
        // 2. the live ConfigMap against what the live release renders: a hand edit
        const rendered = (0,_chart_cilium_config_js__WEBPACK_IMPORTED_MODULE_2__/* .ciliumConfigOf */ .Bt)(live.manifest, config.namespace);
        for (const c of (0,_chart_cilium_config_js__WEBPACK_IMPORTED_MODULE_2__/* .diffConfig */ .O2)(rendered, live.cm).map(_report_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redactConfigChange */ .qr)) {
            differences.push({ source: 'cilium-config', key: c.key, expected: c.before ?? '(unset)', actual: c.after ?? '(unset)' });
        }
        // 3 and 4. what the agents report, and optionally the flows
        await (0,_checks_js__WEBPACK_IMPORTED_MODULE_8__/* .runChecks */ .J)(ctx, session);
        for (const n of report.nodes ?? []) {
            if (!n.ok)
                differences.push({ source: 'agents', key: n.node, expected: 'Native, WireGuard, node encryption, all peers', actual: n.problems.join('; ') });
        }
        if (report.flows && report.flows.verdict !== 'pass') {
            differences.push({ source: 'flows', key: 'to-overlay', expected: `≤ ${config.maxOverlayFlows} to-overlay, ≥ ${config.minFlows} cross-node`, actual: report.flows.reason });
        }
        report.routingMode ??= (0,_chart_cilium_config_js__WEBPACK_IMPORTED_MODULE_2__/* .configRouting */ .vm)(live.cm);
        report.encryption ??= (0,_chart_cilium_config_js__WEBPACK_IMPORTED_MODULE_2__/* .configEncryption */ .av)(live.cm);
        report.differences = differences;
        report.drift = differences.length > 0;
        const checksVerdict = report.verdict;
        const checksReason = report.reason;
        if (report.drift) {
            const what = `${differences.length} difference${differences.length === 1 ? '' : 's'} (${[...new Set(differences.map((d) => d.source))].join(', ')})`;
            if (config.failOnDrift) {
                report.verdict = 'fail';
                report.reason = `drift: ${what}`;
            }
            else {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Drift found: ${what}; fail-on-drift is false.`);
                report.warnings.push(`Drift found: ${what}`);
                report.verdict = checksVerdict;
                report.reason = checksReason;
            }
        }
        else {
            report.reason = `no drift; ${checksReason ?? ''}`.trim();
        }
        if (config.driftIssue)
            await (0,_report_steps_js__WEBPACK_IMPORTED_MODULE_6__/* .step */ .P)(report, 'Drift issue', () => syncIssue(ctx, differences));
    }
    finally {
        session.close();
    }
}
async function syncIssue(ctx, differences) {
    const { config, report, redactor } = ctx;
    // loaded only when a drift issue is kept: the GitHub client is large
    const [{ createGitHubClient }, { repoFromEnv, runUrlFromEnv }, { syncDriftIssue }, { GITHUB_STEP_DEADLINE_MS, withDeadline }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(584)]).then(__webpack_require__.bind(__webpack_require__, 6584)),
        __webpack_require__.e(/* import() */ 556).then(__webpack_require__.bind(__webpack_require__, 9556)),
        Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(382)]).then(__webpack_require__.bind(__webpack_require__, 9382)),
        __webpack_require__.e(/* import() */ 523).then(__webpack_require__.bind(__webpack_require__, 6523)),
    ]);
    const repo = repoFromEnv();
    if (!repo || !config.githubToken) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e('drift-issue is true but there is no GITHUB_REPOSITORY or github-token: no issue is kept.');
        return;
    }
    try {
        const client = createGitHubClient(config.githubToken, { secrets: redactor.list() });
        // The same drift every night must not comment again: the fingerprint covers only the differences.
        const fingerprint = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256')
            .update(JSON.stringify(differences.map((d) => [d.source, d.key, d.expected, d.actual]).sort()))
            .digest('hex')
            .slice(0, 16);
        const result = await withDeadline(GITHUB_STEP_DEADLINE_MS, 'The drift issue update', () => syncDriftIssue(client, {
            repo,
            namespace: config.namespace,
            release: config.release,
            drift: differences.length > 0,
            report: (0,_report_summary_js__WEBPACK_IMPORTED_MODULE_7__/* .summaryMarkdown */ .eH)(report),
            fingerprint,
            runUrl: runUrlFromEnv(),
            redact: (t) => redactor.text(t),
            secrets: redactor.list(),
        }));
        if (result.action === 'skipped')
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(result.warning);
        else
            (0,_log_safe_log_js__WEBPACK_IMPORTED_MODULE_13__/* .logInfo */ .fH)(`Drift issue: ${result.action}`);
    }
    catch (e) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not update the drift issue: ${redactor.text((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e))}`);
    }
}


/***/ })

};
