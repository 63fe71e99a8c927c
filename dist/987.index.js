export const id = 987;
export const ids = [987];
export const modules = {

/***/ 4987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  apply: () => (/* binding */ apply)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(6058);
// EXTERNAL MODULE: ./src/chart/cilium-config.ts
var cilium_config = __webpack_require__(998);
// EXTERNAL MODULE: ./src/cluster/restart.ts
var restart = __webpack_require__(3497);
// EXTERNAL MODULE: ./src/cluster/progress.ts
var cluster_progress = __webpack_require__(2403);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/chart/chart-ref.ts
var chart_ref = __webpack_require__(8428);
// EXTERNAL MODULE: ./src/cluster/helm.ts
var cluster_helm = __webpack_require__(1972);
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
        core/* info */.pq(`Release ${namespace}/${release} is ${info.status}; waiting ${Math.round(delay / 1000)} s for the other operation`);
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, pollMs);
    }
}
async function upgrade(helm, req) {
    const major = await helm.majorVersion();
    const args = [
        'upgrade',
        req.release,
        ...(0,chart_ref/* chartArgs */.U)(req.chart, req.version),
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
        await waitUnlocked(helm, req.release, req.namespace, req.deadline, req.pollMs);
        const run = () => helm.exec(args, { timeoutMs: Math.max(1_000, req.deadline - Date.now() + 30_000), echo: true });
        const r = req.progress ? await (0,cluster_progress/* withProgress */.E0)('helm upgrade --wait', req.progress, run) : await run();
        if (r.code === 0 && !r.timedOut)
            return;
        const msg = r.timedOut ? 'helm did not finish within the timeout' : (0,cluster_helm/* helmMessage */.S)(r.stderr);
        if (LOCKED.test(msg) && Date.now() < req.deadline)
            continue;
        const flag = major >= 4 ? '--rollback-on-failure' : '--atomic';
        throw new errors/* ActionError */.lZ(`helm upgrade failed: ${msg}`, {
            hint: /while rolling back|rollback.*failed/i.test(msg)
                ? `helm's own rollback (${flag}) failed too: the release may be left failed. Check \`helm history ${req.release} -n ${req.namespace}\` and roll back to the last deployed revision by hand.`
                : `helm rolled the release back to its previous revision (${flag}); the message above names the cause.`,
        });
    }
}
async function rollback(helm, release, namespace, revision, timeout, progress) {
    const run = () => helm.run(['rollback', release, String(revision), '--namespace', namespace, '--wait', '--timeout', timeout], `roll ${namespace}/${release} back to revision ${revision}`, { echo: true });
    await (progress ? (0,cluster_progress/* withProgress */.E0)('helm rollback --wait', progress, run) : run());
}

// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
// EXTERNAL MODULE: ./src/report/steps.ts
var steps = __webpack_require__(21);
// EXTERNAL MODULE: ./src/values/changes.ts
var changes = __webpack_require__(8771);
// EXTERNAL MODULE: ./src/modes/checks.ts + 12 modules
var checks = __webpack_require__(9206);
// EXTERNAL MODULE: ./src/modes/cluster.ts
var cluster = __webpack_require__(8626);
// EXTERNAL MODULE: ./src/modes/plan.ts + 6 modules
var modes_plan = __webpack_require__(8887);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/chart/chart-keys.ts
var chart_keys = __webpack_require__(5325);
// EXTERNAL MODULE: ./src/chart/chart-values.ts
var chart_values = __webpack_require__(7991);
// EXTERNAL MODULE: ./src/report/publish.ts
var publish = __webpack_require__(4617);
// EXTERNAL MODULE: ./src/values/strict-mode.ts
var strict_mode = __webpack_require__(2197);
;// CONCATENATED MODULE: ./src/modes/strict-mode.ts
// Step: `strict-mode: egress`, the optional hardening once the cutover is proven. Runs only after
// the checks passed: one more helm upgrade with strict egress mode for the native routing CIDR, the
// agents restarted onto it, the live cilium-config checked, and the checks run again.













async function applyStrictMode(ctx, session, plan, deadline) {
    const { config, report } = ctx;
    if (config.strictMode !== 'egress')
        return;
    const cidr = plan.desired.cidr;
    if (report.verdict !== 'pass') {
        report.notes.push(`strict-mode: egress was not applied: the cutover is not proven (verdict ${report.verdict ?? 'none'})`);
        return;
    }
    if ((0,strict_mode/* strictModeProblems */.d)(await (0,restart/* liveCiliumConfig */.g7)(session.kubectl, config.namespace), cidr).length === 0) {
        core/* info */.pq(`WireGuard strict egress mode is already on for ${cidr}.`);
        return;
    }
    const helm = session.helm;
    try {
        await (0,steps/* step */.P)(report, 'WireGuard strict mode (egress)', async () => {
            const values = (0,strict_mode/* strictModeValues */.$)(plan.desired.values, cidr, (0,chart_keys/* chartKeys */.T)(await (0,chart_values/* chartValuesYaml */._)(helm, config.chart, plan.chartVersion)));
            const valuesFile = external_node_path_default().join((0,publish/* workDir */.Hg)(config.runnerTemp), `${config.release}-values-strict.yaml`);
            (0,external_node_fs_.writeFileSync)(valuesFile, (0,dist/* stringify */.As)(values, { lineWidth: 0 }), { mode: 0o600 });
            await upgrade(helm, { release: config.release, namespace: config.namespace, chart: config.chart, version: plan.chartVersion, valuesFile, timeout: config.timeout, deadline, install: false });
            report.valuesFile = valuesFile;
            report.revision = (await helm.release(config.release, config.namespace))?.revision;
            await (0,restart/* restartCilium */.XT)(session.kubectl, config.namespace, deadline);
            const problems = (0,strict_mode/* strictModeProblems */.d)(await (0,restart/* liveCiliumConfig */.g7)(session.kubectl, config.namespace), cidr);
            if (problems.length > 0)
                throw new Error(`strict mode is not in cilium-config after the upgrade: ${problems.join('; ')}`);
        });
    }
    catch (e) {
        report.verdict = 'fail';
        report.reason = `strict-mode: egress: ${(0,errors/* errorMessage */.gJ)(e)}`;
        return;
    }
    report.notes.push(`WireGuard strict egress mode is on for ${cidr}: pod traffic to that range leaves a node only encrypted`);
    await (0,checks/* runChecks */.J)(ctx, session);
}

// EXTERNAL MODULE: ./src/modes/tools.ts
var modes_tools = __webpack_require__(4611);
// EXTERNAL MODULE: ./src/tools/install.ts + 4 modules
var install = __webpack_require__(1987);
// EXTERNAL MODULE: ./src/bgp/resources.ts
var resources = __webpack_require__(4172);
// EXTERNAL MODULE: ./src/cluster/nodes.ts
var cluster_nodes = __webpack_require__(9543);
// EXTERNAL MODULE: ./src/steps/bgp-resources.ts
var bgp_resources = __webpack_require__(7230);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/bgp/judge.ts
var judge = __webpack_require__(6590);
// EXTERNAL MODULE: ./src/values/paths.ts
var paths = __webpack_require__(8614);
// EXTERNAL MODULE: ./src/steps/bgp-check.ts + 2 modules
var bgp_check = __webpack_require__(5488);
;// CONCATENATED MODULE: ./src/steps/bgp-phase.ts
// Phase 1 of a BGP migration, as functions the staged flow can call: bring the BGP control plane up
// while every node still tunnels (the live values plus bgpControlPlane.enabled), and the gate that
// holds the routing cutover until every node's sessions are established and its pod CIDR advertised.







const BGP_PHASE_ONE = 'BGP up, tunnel kept';
/** The live values with the BGP control plane on: routing mode, tunnel and encryption stay as they are. */
function bgpPhaseOneValues(live) {
    const values = structuredClone(live);
    (0,paths/* setPath */.SO)(values, ['bgpControlPlane', 'enabled'], true);
    return values;
}
const POLL_MS = 2_000;
const PROGRESS_MS = 20_000;
/**
 * Waits until every node has its sessions established and advertises its pod CIDR, and (with
 * azure-route-server) until Route Server has learned every pod CIDR with its node as next hop.
 * Prints progress at least every 20 s; on the deadline fails naming the nodes and peers that are not there.
 */
async function waitForBgpGate(kubectl, nodes, bgp, deadline) {
    let lastProgress = 0;
    for (;;) {
        const judged = (0,judge/* judgeBgp */.F)((await (0,bgp_resources/* readBgpNodeConfigs */.Tr)(kubectl)), nodes, bgp);
        // az is asked only once the cluster side is ready: its calls take seconds each
        const routes = judged.ok && bgp.routeServer ? await (0,bgp_check/* judgeRouteServer */.kO)(kubectl, nodes, bgp.routeServer) : undefined;
        if (judged.ok && (!routes || routes.ok)) {
            core/* info */.pq(`BGP gate open: ${judged.reason}${routes ? `; ${routes.reason}` : ''}`);
            return judged;
        }
        const why = judged.ok ? routes.reason : judged.reason;
        if (Date.now() + POLL_MS > deadline) {
            throw new errors/* ActionError */.lZ(`BGP did not come up before the routing cutover could start: ${why}`, {
                hint: 'Nothing was cut over: every node still tunnels. Check the peers (bgp-peers), Route Server\'s peerings (one per node, or the route reflector) and the NSG rules for TCP 179.',
            });
        }
        if (Date.now() - lastProgress >= PROGRESS_MS) {
            core/* info */.pq(judged.ok
                ? `Waiting for Route Server to learn every pod CIDR: ${routes.missing.length} missing`
                : `Waiting for BGP: ${judged.established}/${judged.expected} sessions established; ${judged.rows.filter((r) => !r.ok).length} nodes not ready`);
            lastProgress = Date.now();
        }
        await (0,promises_.setTimeout)(POLL_MS);
    }
}

;// CONCATENATED MODULE: ./src/steps/bgp-apply.ts
// profile bgp in apply: phase 1 (BGP up while every node still tunnels, then the gate) before the
// routing cutover, and the BGP resources applied after each upgrade. The lead's staged flow can call
// these in place of the simple two-phase wiring in src/modes/apply.ts.












/**
 * Phase 1 is skipped only when BGP already runs natively. A tunnelling cluster keeps its tunnel, and
 * a native WireGuard cluster its WireGuard, until every pod CIDR is advertised.
 */
const needsBgpPhaseOne = (liveConfig) => liveConfig?.['routing-mode'] !== 'native' || liveConfig['enable-bgp-control-plane'] !== 'true';
/** Phase 1: upgrade with BGP on (tunnel kept), restart, apply the resources, wait for the gate. */
async function runBgpPhaseOne(input) {
    const { helm, kubectl, report, bgp } = input;
    const { namespace, deadline } = input.upgrade;
    const valuesFile = external_node_path_default().join((0,publish/* workDir */.Hg)(input.runnerTemp), `${input.upgrade.release}-bgp-phase1-values.yaml`);
    (0,external_node_fs_.writeFileSync)(valuesFile, (0,dist/* stringify */.As)(bgpPhaseOneValues(input.liveValues), { lineWidth: 0 }), { mode: 0o600 });
    const before = await (0,restart/* liveCiliumConfig */.g7)(kubectl, namespace);
    await (0,steps/* step */.P)(report, `Phase 1 (${BGP_PHASE_ONE}): helm upgrade`, () => upgrade(helm, { ...input.upgrade, valuesFile }));
    const after = await (0,restart/* liveCiliumConfig */.g7)(kubectl, namespace);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
        await (0,steps/* step */.P)(report, `Phase 1 (${BGP_PHASE_ONE}): restart the agents and the operator`, () => (0,restart/* restartCilium */.XT)(kubectl, namespace, deadline));
    }
    await applyBgpResources(kubectl, report, bgp, deadline);
    const nodes = (await (0,cluster_nodes/* listNodes */.iR)(kubectl)).map((n) => n.name);
    await (0,steps/* step */.P)(report, 'Phase 1 gate: every node\'s sessions established and pod CIDR advertised', () => waitForBgpGate(kubectl, nodes, bgp, deadline));
    core/* info */.pq('Phase 1 done: BGP advertises every pod CIDR while the nodes still tunnel; the routing cutover follows.');
}
async function applyBgpResources(kubectl, report, bgp, deadline) {
    const objects = (0,resources/* bgpObjects */.ur)(bgp);
    report.bgp = { ...(report.bgp ?? {}), resources: (0,resources/* bgpManifest */.xB)(objects) };
    await (0,steps/* step */.P)(report, 'Apply the BGP resources (server-side apply)', () => (0,bgp_resources/* applyBgpObjects */.cX)(kubectl, objects, deadline));
}

;// CONCATENATED MODULE: ./src/modes/apply.ts
// mode: apply — read the live release, merge and validate exactly as preview does, upgrade (wait,
// roll back on failure), restart the agents when cilium-config changed, verify; on a failed
// verification optionally roll back and restart again.
















async function apply(ctx) {
    const { config, report } = ctx;
    const deadline = Date.now() + config.timeoutMs;
    const tools = await (0,steps/* step */.P)(report, 'Install tools', () => (0,modes_tools/* acquireTools */.k)(ctx, (0,install/* toolsNeeded */.Re)(config)));
    const session = await (0,cluster/* openCluster */.D)(ctx, tools);
    const helm = session.helm;
    try {
        const live = await (0,steps/* step */.P)(report, 'Read the live release', async () => {
            const info = await waitUnlocked(helm, config.release, config.namespace, deadline);
            if (!info && !config.ciliumVersion) {
                throw new errors/* ActionError */.lZ(`There is no Helm release ${config.namespace}/${config.release}`, {
                    hint: 'This action changes an existing Cilium installation; it does not install one. Check release, namespace and the kube context, or set cilium-version to install that version.',
                });
            }
            const values = info ? await helm.getValues(info.name, config.namespace) : {};
            return { info, values, config: await (0,restart/* liveCiliumConfig */.g7)(session.kubectl, config.namespace) };
        });
        report.previousRevision = live.info?.revision;
        const version = (0,modes_plan/* chartVersionFor */.CM)(ctx, live.info?.chartVersion);
        const plan = await (0,steps/* step */.P)(report, 'Merge values and render the chart', () => (0,modes_plan/* planDesired */.oR)(ctx, helm, (0,modes_plan/* desiredFor */.ER)(ctx, live.values), version));
        report.changes = plan.desired.changes.map(redact/* redactChange */.Qj);
        report.baseline = 'live release';
        // A new chart version is an upgrade even when the values are the same.
        const sameChart = version === undefined || version === live.info?.chartVersion;
        const upToDate = live.info !== undefined && live.info.status === 'deployed' && sameChart && (0,changes/* equalValues */.b)(live.values, plan.desired.values);
        if (upToDate) {
            report.upgraded = false;
            report.revision = live.info.revision;
            core/* info */.pq(`Release ${config.namespace}/${config.release} already has the desired values (revision ${live.info.revision}): no upgrade.`);
        }
        else {
            const request = {
                release: config.release,
                namespace: config.namespace,
                chart: config.chart,
                version,
                valuesFile: plan.valuesFile,
                timeout: config.timeout,
                deadline,
                install: live.info === undefined,
                progress: () => (0,cluster_progress/* rolloutProgress */.XP)(session.kubectl, config.namespace),
            };
            // profile bgp: routes first (tunnel kept), the cutover only once every pod CIDR is advertised
            if (config.bgp && live.info && needsBgpPhaseOne(live.config)) {
                await runBgpPhaseOne({ helm, kubectl: session.kubectl, report, bgp: config.bgp, liveValues: live.values, upgrade: request, runnerTemp: config.runnerTemp });
            }
            await (0,steps/* step */.P)(report, 'helm upgrade', () => upgrade(helm, request));
            report.upgraded = true;
            report.revision = (await helm.release(config.release, config.namespace))?.revision;
        }
        if (config.bgp)
            await applyBgpResources(session.kubectl, report, config.bgp, deadline);
        const after = await (0,restart/* liveCiliumConfig */.g7)(session.kubectl, config.namespace);
        report.configChanges = (0,cilium_config/* diffConfig */.O2)(live.config, after).map(redact/* redactConfigChange */.qr);
        // A rollout that does not finish is reported, and the checks still run: they name the nodes
        // whose agents kept the old datapath (a mixed cluster), which is what the user needs to see.
        let restartError;
        if (report.configChanges.length > 0) {
            restartError = await (0,steps/* step */.P)(report, 'Restart the agents and the operator', () => (0,restart/* restartCilium */.XT)(session.kubectl, config.namespace, deadline))
                .then(() => undefined)
                .catch((e) => (0,errors/* errorMessage */.gJ)(e));
        }
        else {
            core/* info */.pq('cilium-config did not change: the agents keep running.');
        }
        report.routingMode = (0,cilium_config/* configRouting */.vm)(after ?? (0,cilium_config/* ciliumConfigOf */.Bt)(plan.manifest, config.namespace));
        report.encryption = (0,cilium_config/* configEncryption */.av)(after);
        await (0,checks/* runChecks */.J)(ctx, session);
        if (restartError) {
            report.verdict = 'fail';
            report.reason = `${restartError}${report.reason ? `; checks: ${report.reason}` : ''}`;
        }
        await applyStrictMode(ctx, session, plan, deadline);
        if (report.verdict !== 'pass' && config.onVerifyFailure === 'rollback' && report.upgraded && report.previousRevision) {
            const to = report.previousRevision;
            const failure = report.reason;
            const outcome = await (0,steps/* step */.P)(report, `Roll back to revision ${to}`, async () => {
                await rollback(helm, config.release, config.namespace, to, config.timeout, () => (0,cluster_progress/* rolloutProgress */.XP)(session.kubectl, config.namespace));
                return (0,restart/* restartCilium */.XT)(session.kubectl, config.namespace, Date.now() + config.timeoutMs)
                    .then(() => 'restarted the agents')
                    .catch((e) => `the agents did not finish restarting: ${(0,errors/* errorMessage */.gJ)(e)}`);
            }).then((restarted) => ({ ok: true, text: restarted }), (e) => ({ ok: false, text: (0,errors/* errorMessage */.gJ)(e) }));
            const now = (await helm.release(config.release, config.namespace).catch(() => undefined))?.revision;
            report.revision = now;
            report.reason = outcome.ok
                ? `verification failed (${failure}); rolled back to revision ${to} (now revision ${now}) and ${outcome.text}`
                : `verification failed (${failure}); rolling back to revision ${to} failed too (${outcome.text}): check helm history and the agents by hand`;
        }
    }
    finally {
        session.close();
    }
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
    const base = chart.has(['encryption', 'strictMode', 'egress', 'enabled']) ? ['encryption', 'strictMode', 'egress'] : ['encryption', 'strictMode'];
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

//# sourceMappingURL=987.index.js.map