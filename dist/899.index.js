export const id = 899;
export const ids = [899];
export const modules = {

/***/ 1634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fy: () => (/* binding */ UpgradeError),
  dU: () => (/* binding */ rollback),
  fG: () => (/* binding */ upgrade),
  b5: () => (/* binding */ waitUnlocked)
});

;// CONCATENATED MODULE: ./src/cluster/upgrade-outcome.ts
function afterFailedUpgrade(before, after, flag, release, namespace) {
    const history = `Check \`helm history ${release} -n ${namespace}\``;
    if (!after)
        return `The release's state could not be read after the failure. ${history}.`;
    if (helmRolledBack(before, after)) {
        return `helm rolled the release back (${flag}): it is deployed at revision ${after.revision}; the message above names the cause.`;
    }
    if (!before && after.status === 'deployed')
        return `The release is deployed at revision ${after.revision}; the message above names the cause.`;
    return `The release is ${after.status} at revision ${after.revision}: helm did not roll it back. ${history} and roll back to the last deployed revision by hand.`;
}
/** helm's own rollback put the release back: the failed upgrade took revision N+1, the rollback N+2 (deployed). */
function helmRolledBack(before, after) {
    return !!before && after?.status === 'deployed' && after.revision >= before.revision + 2;
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/chart/chart-ref.ts
var chart_ref = __webpack_require__(8428);
// EXTERNAL MODULE: ./src/cluster/helm.ts
var cluster_helm = __webpack_require__(1972);
// EXTERNAL MODULE: ./src/cluster/progress.ts
var cluster_progress = __webpack_require__(2403);
// EXTERNAL MODULE: ./src/log/safe-log.ts
var safe_log = __webpack_require__(6278);
;// CONCATENATED MODULE: ./src/cluster/upgrade.ts
// helm upgrade / rollback, safely: --wait, the time-out, roll back on failure (Helm 4:
// --rollback-on-failure, Helm 3: --atomic), and a release locked in pending-* retried, never forced.






const PENDING = /^pending-/;
const LOCKED = /another operation \(install\/upgrade\/rollback\) is in progress/;
/** Waits while the release is pending-*; throws when the deadline passes first. */
async function waitUnlocked(helm, release, namespace, deadline, pollMs = 5_000) {
    let delay = Math.min(pollMs, 1_000);
    for (;;) {
        const info = await helm.release(release, namespace);
        if (!info || !PENDING.test(info.status))
            return info;
        if (Date.now() + delay > deadline) {
            throw new errors/* ActionError */.lZ(`Release ${namespace}/${release} is still ${info.status} (revision ${info.revision}): another helm operation holds it`, {
                hint: 'This action never forces a locked release. Wait for the other operation, or resolve it by hand (helm history, then helm rollback) and run again.',
            });
        }
        (0,safe_log/* logInfo */.f)(`Release ${namespace}/${release} is ${info.status}; waiting ${Math.round(delay / 1000)} s for the other operation`);
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, pollMs);
    }
}
/** A failed upgrade, and whether helm's own rollback restored the release (else it may be half applied). */
class UpgradeError extends errors/* ActionError */.lZ {
    restored;
    constructor(message, hint, restored) {
        super(message, { hint });
        this.restored = restored;
    }
}
async function upgrade(helm, req) {
    const major = await helm.majorVersion();
    const args = [
        'upgrade',
        req.release,
        ...(0,chart_ref/* chartArgs */.UQ)(req.chart, req.version),
        ...(req.install ? ['--install'] : []),
        '--namespace',
        req.namespace,
        '--values',
        req.valuesFile,
        '--reset-values',
        '--wait',
        '--timeout',
        req.timeout,
        major >= 4 ? '--rollback-on-failure' : '--atomic',
    ];
    for (;;) {
        const before = await waitUnlocked(helm, req.release, req.namespace, req.deadline, req.pollMs);
        const run = () => helm.exec(args, { timeoutMs: Math.max(1_000, req.deadline - Date.now() + 30_000), echo: true });
        const r = req.progress ? await (0,cluster_progress/* withProgress */.E0)('helm upgrade --wait', req.progress, run) : await run();
        if (r.code === 0 && !r.timedOut)
            return;
        const msg = r.timedOut ? 'helm did not finish within the timeout' : (0,cluster_helm/* helmMessage */.S)(r.stderr);
        if (LOCKED.test(msg) && Date.now() < req.deadline)
            continue;
        const flag = major >= 4 ? '--rollback-on-failure' : '--atomic';
        const after = await helm.release(req.release, req.namespace).catch(() => undefined);
        throw new UpgradeError(`helm upgrade failed: ${msg}`, afterFailedUpgrade(before, after, flag, req.release, req.namespace), helmRolledBack(before, after));
    }
}
async function rollback(helm, release, namespace, revision, timeout, progress) {
    const run = () => helm.run(['rollback', release, String(revision), '--namespace', namespace, '--wait', '--timeout', timeout], `roll ${namespace}/${release} back to revision ${revision}`, { echo: true });
    await (progress ? (0,cluster_progress/* withProgress */.E0)('helm rollback --wait', progress, run) : run());
}


/***/ }),

/***/ 5280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  drift: () => (/* binding */ drift)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(6058);
// EXTERNAL MODULE: ./src/chart/cilium-config.ts
var cilium_config = __webpack_require__(998);
// EXTERNAL MODULE: ./src/report/steps.ts
var steps = __webpack_require__(21);
// EXTERNAL MODULE: ./src/steps/bgp-drift.ts + 1 modules
var bgp_drift = __webpack_require__(1355);
// EXTERNAL MODULE: ./src/steps/cluster.ts
var cluster = __webpack_require__(6389);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
// EXTERNAL MODULE: ./src/values/strict-mode.ts
var strict_mode = __webpack_require__(2197);
;// CONCATENATED MODULE: ./src/steps/drift-differences.ts
// drift: every difference between the cluster and what it should be, by source. Each function
// returns its differences; the mode lists them in this order.



const show = (v) => (v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v));
/** The desired values against the live release's, and the chart version to deploy against the installed one. */
function valueDifferences(plan, version, installed) {
    const out = plan.desired.changes
        .filter((c) => !c.inert)
        .map(redact/* redactChange */.Qj)
        .map((c) => ({ source: 'values', key: c.key, expected: show(c.after), actual: show(c.before) }));
    // the version to deploy, from any chart reference (a local chart's own, cilium-version, or installed)
    if (version && version !== installed)
        out.push({ source: 'values', key: 'chart version', expected: version, actual: installed });
    return out;
}
/**
 * A key the target chart does not have does nothing in the live values, so it is no drift (apply
 * would remove it; the summary says so).
 */
function inertValueNotes(plan) {
    return plan.desired.changes
        .filter((c) => c.inert)
        .map((c) => `${(0,redact/* redactChange */.Qj)(c).key}: the live release still sets it, but the target chart has no such key, so it does nothing: not counted as drift`);
}
/** The live ConfigMap against what the live release renders: a hand edit. */
function configDifferences(live, namespace) {
    const rendered = (0,cilium_config/* ciliumConfigOf */.Bt)(live.manifest, namespace);
    return (0,cilium_config/* diffConfig */.O2)(rendered, live.cm)
        .map(redact/* redactConfigChange */.qr)
        .map((c) => ({ source: 'cilium-config', key: c.key, expected: c.before ?? '(unset)', actual: c.after ?? '(unset)' }));
}
/** `strict-mode: egress`: the hardening apply would have switched on. */
function strictModeDifferences(cm, cidr) {
    return (0,strict_mode/* strictModeProblems */.d)(cm, cidr).map((p) => ({
        source: 'cilium-config',
        key: 'strict-mode: egress',
        expected: `on for ${cidr}`,
        actual: p,
    }));
}
/** After the checks: every agent whose status is not as desired, and a flow verdict that did not pass. */
function checkedDifferences(checked, config, nodeEncryption) {
    const out = (checked.agents?.rows ?? [])
        .filter((n) => !n.ok)
        .map((n) => ({
        source: 'agents',
        key: n.node,
        expected: `Native, WireGuard, ${nodeEncryption === false ? '' : 'node encryption, '}all peers`,
        actual: n.problems.join('; '),
    }));
    if (checked.flows && checked.flows.verdict !== 'pass') {
        out.push({
            source: 'flows',
            key: 'to-overlay',
            expected: `≤ ${config.maxOverlayFlows} to-overlay, ≥ ${config.minFlows} cross-node`,
            actual: checked.flows.reason,
        });
    }
    return out;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/log/safe-log.ts
var safe_log = __webpack_require__(6278);
// EXTERNAL MODULE: ./src/report/summary.ts + 5 modules
var summary = __webpack_require__(3094);
;// CONCATENATED MODULE: ./src/steps/drift-issue.ts
// drift with `drift-issue: true`: the one GitHub issue of this release brought up to date (see
// src/github/drift-issue.ts). A failure is a warning: the drift report is in the job summary.





async function keepDriftIssue(ctx, differences) {
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
        core/* warning */.$e('drift-issue is true but there is no GITHUB_REPOSITORY or github-token: no issue is kept.');
        return;
    }
    try {
        const client = createGitHubClient(config.githubToken, { secrets: redactor.list() });
        const fingerprint = fingerprintOf(differences);
        const result = await withDeadline(GITHUB_STEP_DEADLINE_MS, 'The drift issue update', () => syncDriftIssue(client, {
            repo,
            namespace: config.namespace,
            release: config.release,
            drift: differences.length > 0,
            report: (0,summary/* summaryMarkdown */.eH)(report),
            fingerprint,
            runUrl: runUrlFromEnv(),
            redact: (t) => redactor.text(t),
            secrets: redactor.list(),
        }));
        if (result.action === 'skipped')
            core/* warning */.$e(result.warning);
        else
            (0,safe_log/* logInfo */.f)(`Drift issue: ${result.action}`);
    }
    catch (e) {
        core/* warning */.$e(`Could not update the drift issue: ${redactor.text((0,errors/* errorMessage */.gJ)(e))}`);
    }
}
/** The same drift every night must not comment again: the fingerprint covers only the differences. */
function fingerprintOf(differences) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify(differences.map((d) => [d.source, d.key, d.expected, d.actual]).sort()))
        .digest('hex')
        .slice(0, 16);
}

;// CONCATENATED MODULE: ./src/steps/drift-verdict.ts
function driftVerdict(differences, checks, failOnDrift) {
    if (differences.length === 0)
        return { verdict: checks.verdict, reason: `no drift; ${checks.reason}`.trim() };
    const sources = [...new Set(differences.map((d) => d.source))].join(', ');
    const what = `${differences.length} difference${differences.length === 1 ? '' : 's'} (${sources})`;
    if (failOnDrift)
        return { verdict: 'fail', reason: `drift: ${what}` };
    return { ...checks, warning: `Drift found: ${what}` };
}

// EXTERNAL MODULE: ./src/steps/judgement.ts
var judgement = __webpack_require__(2908);
// EXTERNAL MODULE: ./src/steps/live.ts
var steps_live = __webpack_require__(6105);
// EXTERNAL MODULE: ./src/modes/desired.ts + 12 modules
var desired = __webpack_require__(7221);
// EXTERNAL MODULE: ./src/modes/checks.ts + 16 modules
var modes_checks = __webpack_require__(1662);
// EXTERNAL MODULE: ./src/modes/record.ts
var record = __webpack_require__(2043);
// EXTERNAL MODULE: ./src/modes/tools.ts + 12 modules
var modes_tools = __webpack_require__(495);
;// CONCATENATED MODULE: ./src/modes/drift.ts
// mode: drift — strictly read-only. Desired values computed exactly as apply would, then every
// difference between: desired and live values; the live cilium-config and what the live release
// renders (a hand edit); what the agents report and what the desired config means; optionally flows.














async function drift(ctx) {
    const { config, report } = ctx;
    const tools = await (0,steps/* step */.P)(report, 'Install tools', () => (0,modes_tools/* acquireTools */.k2)(ctx, (0,modes_tools/* toolsNeeded */.Re)(config)));
    const session = await (0,cluster/* openCluster */.D)(ctx, tools);
    try {
        const differences = await findDifferences(ctx, session);
        report.differences = differences.all;
        report.drift = differences.all.length > 0;
        const verdict = driftVerdict(differences.all, differences.checks, config.failOnDrift);
        if (verdict.warning) {
            core/* warning */.$e(`${verdict.warning}; fail-on-drift is false.`);
            report.warnings.push(verdict.warning);
        }
        (0,judgement/* setVerdict */.OU)(report, verdict);
        if (config.driftIssue)
            await (0,steps/* step */.P)(report, 'Drift issue', () => keepDriftIssue(ctx, differences.all));
    }
    finally {
        session.close();
    }
}
/** Read, plan, compare, check: every difference in the order the summary lists them, and the checks' judgement. */
async function findDifferences(ctx, session) {
    const { config, report } = ctx;
    const live = await (0,steps/* step */.P)(report, 'Read the live release, cilium-config and manifest', () => (0,steps_live/* readDeployedRelease */.O)(ctx, session));
    report.revision = live.info.revision;
    const version = (0,desired/* targetVersion */.I$)(ctx, live.info.chartVersion);
    const plan = await (0,steps/* step */.P)(report, 'Compute the desired state', () => (0,desired/* plan */.et)(ctx, session.helm, (0,desired/* desired */.he)(ctx, live.values), version));
    report.notes.push(...inertValueNotes(plan));
    const all = [...valueDifferences(plan, version, live.info.chartVersion), ...configDifferences(live, config.namespace)];
    if (config.bgp) {
        (0,record/* recordBgpResources */.AY)(report, config.bgp);
        all.push(...(await (0,steps/* step */.P)(report, 'Compare the BGP resources', () => (0,bgp_drift/* bgpResourceDifferences */.wk)(session.kubectl, config.bgp))));
    }
    if (config.strictMode === 'egress')
        all.push(...strictModeDifferences(live.cm, plan.desired.cidr));
    // what the agents report, and optionally the flows
    const checked = await (0,modes_checks/* runChecks */.J)(ctx, session);
    const checks = (0,record/* recordChecked */.ZY)(report, checked);
    all.push(...(0,bgp_drift/* bgpNodeDifferences */.m7)(checked.bgp?.rows ?? []), ...checkedDifferences(checked, config, ctx.nodeEncryption));
    report.routingMode ??= (0,cilium_config/* configRouting */.vm)(live.cm);
    report.encryption ??= (0,cilium_config/* configEncryption */.av)(live.cm);
    return { all, checks };
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





async function bgpResourceDifferences(kubectl, bgp) {
    const objects = (0,resources/* bgpObjects */.ur)(bgp);
    const live = await (0,bgp_resources/* readBgpObjects */.GV)(kubectl, objects);
    return compareBgpObjects(objects, live).map((d) => ({ source: 'bgp', ...d }));
}
/** After the checks: nodes whose sessions or advertisement are not as configured. */
function bgpNodeDifferences(rows) {
    return rows
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
        return undefined;
    }
    return bgpResourceDifferences(new kubectl/* Kubectl */.b(kubectlPath, access), bgp);
}


/***/ }),

/***/ 6105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ readDeployedRelease),
/* harmony export */   q: () => (/* binding */ readLiveRelease)
/* harmony export */ });
/* harmony import */ var _cluster_restart_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3497);
/* harmony import */ var _cluster_upgrade_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1634);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);



/** apply: the release once no other operation holds it (none only when cilium-version installs one). */
async function readLiveRelease(ctx, session, deadline) {
    const { config } = ctx;
    const helm = session.helm;
    const info = await (0,_cluster_upgrade_js__WEBPACK_IMPORTED_MODULE_1__/* .waitUnlocked */ .b5)(helm, config.release, config.namespace, deadline);
    if (!info && !config.ciliumVersion) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`There is no Helm release ${config.namespace}/${config.release}`, {
            hint: 'This action changes an existing Cilium installation; it does not install one. Check release, namespace and the kube context, or set cilium-version to install that version.',
        });
    }
    const values = info ? await helm.getValues(info.name, config.namespace) : {};
    return { info, values, config: await (0,_cluster_restart_js__WEBPACK_IMPORTED_MODULE_0__/* .liveCiliumConfig */ .g7)(session.kubectl, config.namespace) };
}
/** drift: the release (it must exist), its manifest and the live cilium-config. */
async function readDeployedRelease(ctx, session) {
    const { config } = ctx;
    const helm = session.helm;
    const info = await helm.release(config.release, config.namespace);
    if (!info) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`There is no Helm release ${config.namespace}/${config.release} to check for drift`, {
            hint: 'Check release, namespace and the kube context.',
        });
    }
    const [values, manifest, cm] = await Promise.all([
        helm.getValues(info.name, config.namespace),
        helm.getManifest(info.name, config.namespace),
        (0,_cluster_restart_js__WEBPACK_IMPORTED_MODULE_0__/* .liveCiliumConfig */ .g7)(session.kubectl, config.namespace),
    ]);
    return { info, values, manifest, cm };
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

//# sourceMappingURL=899.index.js.map