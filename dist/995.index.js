export const id = 995;
export const ids = [995];
export const modules = {

/***/ 995:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  drift: () => (/* binding */ drift)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(6058);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/chart/cilium-config.ts
var cilium_config = __webpack_require__(998);
// EXTERNAL MODULE: ./src/cluster/restart.ts
var restart = __webpack_require__(3497);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
// EXTERNAL MODULE: ./src/report/steps.ts
var steps = __webpack_require__(21);
// EXTERNAL MODULE: ./src/report/summary.ts + 2 modules
var summary = __webpack_require__(4432);
// EXTERNAL MODULE: ./src/modes/checks.ts + 21 modules
var checks = __webpack_require__(4502);
// EXTERNAL MODULE: ./src/modes/cluster.ts + 1 modules
var cluster = __webpack_require__(1258);
// EXTERNAL MODULE: ./src/modes/plan.ts + 4 modules
var modes_plan = __webpack_require__(9791);
// EXTERNAL MODULE: ./src/modes/tools.ts
var modes_tools = __webpack_require__(4611);
// EXTERNAL MODULE: ./src/tools/install.ts + 4 modules
var install = __webpack_require__(1987);
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
        .map((r) => ({ source: 'bgp', key: `node ${r.node}`, expected: `${r.expected} sessions established, pod CIDR advertised`, actual: r.problems.join('; ') }));
}

;// CONCATENATED MODULE: ./src/modes/drift.ts
// mode: drift — strictly read-only. Desired values computed exactly as apply would, then every
// difference between: desired and live values; the live cilium-config and what the live release
// renders (a hand edit); what the agents report and what the desired config means; optionally flows.














const drift_show = (v) => (v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v));
async function drift(ctx) {
    const { config, report } = ctx;
    const tools = await (0,steps/* step */.P)(report, 'Install tools', () => (0,modes_tools/* acquireTools */.k)(ctx, (0,install/* toolsNeeded */.Re)(config)));
    const session = await (0,cluster/* openCluster */.D)(ctx, tools);
    const helm = session.helm;
    try {
        const live = await (0,steps/* step */.P)(report, 'Read the live release, cilium-config and manifest', async () => {
            const info = await helm.release(config.release, config.namespace);
            if (!info) {
                throw new errors/* ActionError */.lZ(`There is no Helm release ${config.namespace}/${config.release} to check for drift`, {
                    hint: 'Check release, namespace and the kube context.',
                });
            }
            const [values, manifest, cm] = await Promise.all([
                helm.getValues(info.name, config.namespace),
                helm.getManifest(info.name, config.namespace),
                (0,restart/* liveCiliumConfig */.g7)(session.kubectl, config.namespace),
            ]);
            return { info, values, manifest, cm };
        });
        report.revision = live.info.revision;
        const version = await (0,modes_plan/* chartVersionFor */.CM)(ctx, helm, live.info.chartVersion);
        const plan = await (0,steps/* step */.P)(report, 'Compute the desired state', () => (0,modes_plan/* planDesired */.oR)(ctx, helm, (0,modes_plan/* desiredFor */.ER)(ctx, live.values), version));
        const differences = [];
        // 1. desired values against the live release's values
        for (const c of plan.desired.changes.map(redact/* redactChange */.Qj)) {
            differences.push({ source: 'values', key: c.key, expected: drift_show(c.after), actual: drift_show(c.before) });
        }
        if (config.ciliumVersion && config.ciliumVersion !== live.info.chartVersion) {
            differences.push({ source: 'values', key: 'chart version', expected: config.ciliumVersion, actual: live.info.chartVersion });
        }
        // 2. the live ConfigMap against what the live release renders: a hand edit
        const rendered = (0,cilium_config/* ciliumConfigOf */.Bt)(live.manifest, config.namespace);
        for (const c of (0,cilium_config/* diffConfig */.O2)(rendered, live.cm).map(redact/* redactConfigChange */.qr)) {
            differences.push({ source: 'cilium-config', key: c.key, expected: c.before ?? '(unset)', actual: c.after ?? '(unset)' });
        }
        if (config.bgp)
            differences.push(...(await (0,steps/* step */.P)(report, 'Compare the BGP resources', () => bgpResourceDifferences(session.kubectl, report, config.bgp))));
        // 3 and 4. what the agents report, and optionally the flows
        await (0,checks/* runChecks */.J)(ctx, session);
        differences.push(...bgpNodeDifferences(report));
        for (const n of report.nodes ?? []) {
            if (!n.ok)
                differences.push({ source: 'agents', key: n.node, expected: 'Native, WireGuard, node encryption, all peers', actual: n.problems.join('; ') });
        }
        if (report.flows && report.flows.verdict !== 'pass') {
            differences.push({ source: 'flows', key: 'to-overlay', expected: `≤ ${config.maxOverlayFlows} to-overlay, ≥ ${config.minFlows} cross-node`, actual: report.flows.reason });
        }
        report.routingMode ??= (0,cilium_config/* configRouting */.vm)(live.cm);
        report.encryption ??= (0,cilium_config/* configEncryption */.av)(live.cm);
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
                core/* warning */.$e(`Drift found: ${what}; fail-on-drift is false.`);
                report.warnings.push(`Drift found: ${what}`);
                report.verdict = checksVerdict;
                report.reason = checksReason;
            }
        }
        else {
            report.reason = `no drift; ${checksReason ?? ''}`.trim();
        }
        if (config.driftIssue)
            await (0,steps/* step */.P)(report, 'Drift issue', () => syncIssue(ctx, differences));
    }
    finally {
        session.close();
    }
}
async function syncIssue(ctx, differences) {
    const { config, report, redactor } = ctx;
    // loaded only when a drift issue is kept: the GitHub client is large
    const [{ createGitHubClient }, { repoFromEnv, runUrlFromEnv }, { syncDriftIssue }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(584)]).then(__webpack_require__.bind(__webpack_require__, 6584)),
        __webpack_require__.e(/* import() */ 556).then(__webpack_require__.bind(__webpack_require__, 9556)),
        Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(648), __webpack_require__.e(382)]).then(__webpack_require__.bind(__webpack_require__, 9382)),
    ]);
    const repo = repoFromEnv();
    if (!repo || !config.githubToken) {
        core/* warning */.$e('drift-issue is true but there is no GITHUB_REPOSITORY or github-token: no issue is kept.');
        return;
    }
    try {
        const client = createGitHubClient(config.githubToken, { secrets: redactor.list() });
        // The same drift every night must not comment again: the fingerprint covers only the differences.
        const fingerprint = (0,external_node_crypto_.createHash)('sha256')
            .update(JSON.stringify(differences.map((d) => [d.source, d.key, d.expected, d.actual]).sort()))
            .digest('hex')
            .slice(0, 16);
        const result = await syncDriftIssue(client, {
            repo,
            namespace: config.namespace,
            release: config.release,
            drift: differences.length > 0,
            report: (0,summary/* summaryMarkdown */.eH)(report),
            fingerprint,
            runUrl: runUrlFromEnv(),
            redact: (t) => redactor.text(t),
            secrets: redactor.list(),
        });
        if (result.action === 'skipped')
            core/* warning */.$e(result.warning);
        else
            core/* info */.pq(`Drift issue: ${result.action}`);
    }
    catch (e) {
        core/* warning */.$e(`Could not update the drift issue: ${redactor.text((0,errors/* errorMessage */.gJ)(e))}`);
    }
}


/***/ })

};
