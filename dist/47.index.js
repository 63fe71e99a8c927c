export const id = 47;
export const ids = [47];
export const modules = {

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
/* harmony import */ var _values_strict_mode_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(2197);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _report_redact_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(649);
/* harmony import */ var _report_steps_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(21);
/* harmony import */ var _report_summary_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(922);
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7605);
/* harmony import */ var _cluster_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8626);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(531);
/* harmony import */ var _tools_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(495);
/* harmony import */ var _steps_bgp_drift_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(1355);
/* harmony import */ var _log_safe_log_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(6278);
// mode: drift — strictly read-only. Desired values computed exactly as apply would, then every
// difference between: desired and live values; the live cilium-config and what the live release
// renders (a hand edit); what the agents report and what the desired config means; optionally flows.















const show = (v) => (v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v));
async function drift(ctx) {
    const { config, report } = ctx;
    const tools = await (0,_report_steps_js__WEBPACK_IMPORTED_MODULE_6__/* .step */ .P)(report, 'Install tools', () => (0,_tools_js__WEBPACK_IMPORTED_MODULE_11__/* .acquireTools */ .k2)(ctx, (0,_tools_js__WEBPACK_IMPORTED_MODULE_11__/* .toolsNeeded */ .Re)(config)));
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
        const version = (0,_plan_js__WEBPACK_IMPORTED_MODULE_10__/* .chartVersionFor */ .CM)(ctx, live.info.chartVersion);
        const plan = await (0,_report_steps_js__WEBPACK_IMPORTED_MODULE_6__/* .step */ .P)(report, 'Compute the desired state', () => (0,_plan_js__WEBPACK_IMPORTED_MODULE_10__/* .planDesired */ .oR)(ctx, helm, (0,_plan_js__WEBPACK_IMPORTED_MODULE_10__/* .desiredFor */ .ER)(ctx, live.values), version));
        const differences = [];
        // 1. desired values against the live release's values; a key the target chart does not have does
        // nothing in the live values, so it is no drift (apply would remove it: the summary says so)
        for (const c of plan.desired.changes.map(_report_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redactChange */ .Qj)) {
            if (c.inert)
                report.notes.push(`${c.key}: the live release still sets it, but the target chart has no such key, so it does nothing: not counted as drift`);
            else
                differences.push({ source: 'values', key: c.key, expected: show(c.after), actual: show(c.before) });
        }
        // the version to deploy, from any chart reference (a local chart's own, cilium-version, or installed)
        if (version && version !== live.info.chartVersion) {
            differences.push({ source: 'values', key: 'chart version', expected: version, actual: live.info.chartVersion });
        }
        // 2. the live ConfigMap against what the live release renders: a hand edit
        const rendered = (0,_chart_cilium_config_js__WEBPACK_IMPORTED_MODULE_2__/* .ciliumConfigOf */ .Bt)(live.manifest, config.namespace);
        for (const c of (0,_chart_cilium_config_js__WEBPACK_IMPORTED_MODULE_2__/* .diffConfig */ .O2)(rendered, live.cm).map(_report_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redactConfigChange */ .qr)) {
            differences.push({ source: 'cilium-config', key: c.key, expected: c.before ?? '(unset)', actual: c.after ?? '(unset)' });
        }
        if (config.bgp)
            differences.push(...(await (0,_report_steps_js__WEBPACK_IMPORTED_MODULE_6__/* .step */ .P)(report, 'Compare the BGP resources', () => (0,_steps_bgp_drift_js__WEBPACK_IMPORTED_MODULE_12__/* .bgpResourceDifferences */ .wk)(session.kubectl, report, config.bgp))));
        if (config.strictMode === 'egress')
            differences.push(...(0,_values_strict_mode_js__WEBPACK_IMPORTED_MODULE_14__/* .strictModeProblems */ .d)(live.cm, plan.desired.cidr).map((p) => ({
                source: 'cilium-config',
                key: 'strict-mode: egress',
                expected: `on for ${plan.desired.cidr}`,
                actual: p,
            })));
        // 3 and 4. what the agents report, and optionally the flows
        await (0,_checks_js__WEBPACK_IMPORTED_MODULE_8__/* .runChecks */ .J)(ctx, session);
        differences.push(...(0,_steps_bgp_drift_js__WEBPACK_IMPORTED_MODULE_12__/* .bgpNodeDifferences */ .m7)(report));
        for (const n of report.nodes ?? []) {
            if (!n.ok)
                differences.push({
                    source: 'agents',
                    key: n.node,
                    expected: `Native, WireGuard, ${ctx.nodeEncryption === false ? '' : 'node encryption, '}all peers`,
                    actual: n.problems.join('; '),
                });
        }
        if (report.flows && report.flows.verdict !== 'pass') {
            differences.push({
                source: 'flows',
                key: 'to-overlay',
                expected: `≤ ${config.maxOverlayFlows} to-overlay, ≥ ${config.minFlows} cross-node`,
                actual: report.flows.reason,
            });
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
        __webpack_require__.e(/* import() */ 367).then(__webpack_require__.bind(__webpack_require__, 3367)),
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
            (0,_log_safe_log_js__WEBPACK_IMPORTED_MODULE_13__/* .logInfo */ .f)(`Drift issue: ${result.action}`);
    }
    catch (e) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not update the drift issue: ${redactor.text((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e))}`);
    }
}


/***/ }),

/***/ 1355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m7: () => (/* binding */ bgpNodeDifferences),
  wk: () => (/* binding */ bgpResourceDifferences),
  Rq: () => (/* binding */ previewBgpChanges)
});

// EXTERNAL MODULE: ./src/values/changes.ts
var changes = __webpack_require__(8771);
// EXTERNAL MODULE: ./src/values/paths.ts
var paths = __webpack_require__(8614);
;// CONCATENATED MODULE: ./src/bgp/compare.ts
// Desired BGP objects against the live ones: every spec key that differs, and objects that are
// missing. Pure; drift reports these, preview shows them.


const show = (v) => (v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v));
/** live: the live object of each kind, undefined when it does not exist */
function compareBgpObjects(desired, live) {
    const out = [];
    for (const want of desired) {
        const id = `${want.kind}/${want.metadata.name}`;
        const have = live.get(want.kind);
        if (!have) {
            out.push({ key: id, expected: 'present', actual: '(missing)' });
            continue;
        }
        const wanted = new Set();
        for (const [path, value] of (0,paths/* leaves */.FQ)(want.spec, ['spec'])) {
            wanted.add((0,paths/* formatPath */.jV)(path));
            const actual = (0,paths/* getPath */.Yn)(have, path);
            if (!(0,changes/* equalValues */.b)(actual, value))
                out.push({ key: `${id} ${(0,paths/* formatPath */.jV)(path)}`, expected: show(value), actual: show(actual) });
        }
        // keys someone added by hand (e.g. a second peer config ref) change the behaviour too
        for (const [path, value] of (0,paths/* leaves */.FQ)(have.spec ?? {}, ['spec'])) {
            const k = (0,paths/* formatPath */.jV)(path);
            if (!wanted.has(k) && (0,paths/* getPath */.Yn)(want, path) === undefined && value !== undefined)
                out.push({ key: `${id} ${k}`, expected: '(unset)', actual: show(value) });
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/bgp/resources.ts
var resources = __webpack_require__(4172);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: ./src/cluster/kubectl.ts
var kubectl = __webpack_require__(9812);
// EXTERNAL MODULE: ./src/steps/bgp-resources.ts
var bgp_resources = __webpack_require__(7230);
;// CONCATENATED MODULE: ./src/steps/bgp-drift.ts
// drift, profile bgp: the live BGP resources against the ones the inputs render, and every node
// whose BGP check failed. Read-only (kubectl get).





async function bgpResourceDifferences(kubectl, report, bgp) {
    const objects = (0,resources/* bgpObjects */.ur)(bgp);
    report.bgp = { ...(report.bgp ?? {}), resources: (0,resources/* bgpManifest */.xB)(objects) };
    const live = await (0,bgp_resources/* readBgpObjects */.GV)(kubectl, objects);
    return compareBgpObjects(objects, live).map((d) => ({ source: 'bgp', ...d }));
}
/** After the checks: nodes whose sessions or advertisement are not as configured. */
function bgpNodeDifferences(report) {
    return (report.bgp?.rows ?? [])
        .filter((r) => !r.ok)
        .map((r) => ({
        source: 'bgp',
        key: `node ${r.node}`,
        expected: `${r.expected} sessions established, pod CIDR advertised`,
        actual: r.problems.join('; '),
    }));
}
/**
 * preview with a cluster: the BGP resources against the live ones, when kubectl is on PATH (preview
 * needs only helm otherwise, so without kubectl the resources are shown without a diff).
 */
async function previewBgpChanges(access, report, bgp) {
    const kubectlPath = await io/* which */.K7('kubectl', false);
    if (!kubectlPath) {
        report.notes.push('kubectl is not on the runner PATH: the BGP resources are shown without a diff against the live ones.');
        return;
    }
    const changes = await bgpResourceDifferences(new kubectl/* Kubectl */.b(kubectlPath, access), report, bgp);
    report.bgp = { ...(report.bgp ?? {}), changes };
}


/***/ }),

/***/ 2197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ strictModeValues),
/* harmony export */   d: () => (/* binding */ strictModeProblems)
/* harmony export */ });
/* harmony import */ var _chart_config_renames_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8670);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8614);


/** The values with strict egress mode on for cidr, in the chart's spelling. */
function strictModeValues(values, cidr, chart) {
    const out = structuredClone(values);
    const base = chart.has(['encryption', 'strictMode', 'egress', 'enabled'])
        ? ['encryption', 'strictMode', 'egress']
        : ['encryption', 'strictMode'];
    (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .setPath */ .SO)(out, [...base, 'enabled'], true);
    (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .setPath */ .SO)(out, [...base, 'cidr'], cidr);
    // AKS node IPs lie outside the pod CIDR, so remote node identities need no dynamic lookup
    if ((0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .getPath */ .Yn)(out, [...base, 'allowRemoteNodeIdentities']) === undefined)
        (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .setPath */ .SO)(out, [...base, 'allowRemoteNodeIdentities'], false);
    return out;
}
/** What is wrong with strict mode in a (live or rendered) cilium-config; empty when it is on for cidr. */
function strictModeProblems(config, cidr) {
    if (!config)
        return ['cilium-config could not be read'];
    const [enabledKeys, cidrKeys] = [_chart_config_renames_js__WEBPACK_IMPORTED_MODULE_1__/* .CONFIG_RENAMES */ .r[0], _chart_config_renames_js__WEBPACK_IMPORTED_MODULE_1__/* .CONFIG_RENAMES */ .r[1]];
    const enabled = config[enabledKeys[1]] ?? config[enabledKeys[0]];
    const got = config[cidrKeys[1]] ?? config[cidrKeys[0]];
    const problems = [];
    if (enabled !== 'true')
        problems.push(`${enabledKeys[1]} is ${enabled === undefined ? 'unset' : JSON.stringify(enabled)}, expected "true"`);
    if (got !== cidr)
        problems.push(`${cidrKeys[1]} is ${got === undefined ? 'unset' : JSON.stringify(got)}, expected ${JSON.stringify(cidr)}`);
    return problems;
}


/***/ })

};

//# sourceMappingURL=47.index.js.map