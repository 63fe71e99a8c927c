export const id = 811;
export const ids = [811];
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

/***/ 2811:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  apply: () => (/* binding */ apply)
});

// EXTERNAL MODULE: ./src/values/merge.ts
var merge = __webpack_require__(1374);
;// CONCATENATED MODULE: ./src/migration/phases.ts

/**
 * WireGuard on, the tunnel kept. nodeEncryption: whether the target chart still has
 * encryption.nodeEncryption; a chart without it (cilium#47219, #47365) neither gets the key nor is
 * asked for encrypt-node.
 */
function wireguardFirst(nodeEncryption) {
    return {
        name: 'Phase 1: WireGuard, tunnel kept',
        overlay: { encryption: { enabled: true, type: 'wireguard', ...(nodeEncryption ? { nodeEncryption: true } : {}) } },
        gate: 'wireguard-peers',
        done: (live) => live['enable-wireguard'] === 'true' && (!nodeEncryption || live['encrypt-node'] === 'true'),
    };
}
const CUTOVER_NAME = 'Phase 2: routing cutover';
/** Does the staged strategy apply: the live release tunnels (a release already native changes as today). */
function tunnels(live) {
    return live !== undefined && live['routing-mode'] !== 'native';
}
/**
 * The phases still to run, from the live release values and config to the desired values.
 * The first phase keeps everything live (routing included) and adds only the profile's overlay; it
 * upgrades to the target chart version.
 */
function stagedPhases(liveValues, liveConfig, desired, first = wireguardFirst(true), chartChanges = false) {
    const phases = [];
    // A new chart version changes the agents' pod template: that restart happens in the first phase,
    // rolling and still tunnelling (no split), so that the cutover only changes cilium-config.
    if (!first.done(liveConfig) || chartChanges)
        phases.push({ name: first.name, values: (0,merge/* mergeValues */.D)(liveValues, first.overlay), restart: 'rolling', gate: first.gate });
    phases.push({ name: CUTOVER_NAME, values: desired, restart: 'cutover', gate: 'final-verification' });
    return phases;
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
// EXTERNAL MODULE: ./src/report/steps.ts
var steps = __webpack_require__(21);
// EXTERNAL MODULE: ./src/values/changes.ts
var changes = __webpack_require__(8771);
// EXTERNAL MODULE: ./src/steps/cluster.ts
var cluster = __webpack_require__(6389);
// EXTERNAL MODULE: ./src/log/safe-log.ts
var safe_log = __webpack_require__(6278);
// EXTERNAL MODULE: ./src/chart/cilium-config.ts
var cilium_config = __webpack_require__(998);
// EXTERNAL MODULE: ./src/cluster/restart.ts
var restart = __webpack_require__(3497);
// EXTERNAL MODULE: ./src/cluster/progress.ts
var progress = __webpack_require__(2403);
// EXTERNAL MODULE: ./src/cluster/upgrade.ts + 1 modules
var upgrade = __webpack_require__(1634);
// EXTERNAL MODULE: ./src/bgp/resources.ts
var resources = __webpack_require__(4172);
// EXTERNAL MODULE: ./src/steps/bgp-resources.ts
var bgp_resources = __webpack_require__(7230);
;// CONCATENATED MODULE: ./src/steps/bgp-apply.ts



/**
 * Phase 1 is skipped only when BGP already runs natively. A tunnelling cluster keeps its tunnel, and
 * a native WireGuard cluster its WireGuard, until every pod CIDR is advertised.
 */
const needsBgpPhaseOne = (liveConfig) => liveConfig?.['routing-mode'] !== 'native' || liveConfig['enable-bgp-control-plane'] !== 'true';
async function applyBgpResources(kubectl, report, bgp, deadline) {
    const objects = (0,resources/* bgpObjects */.ur)(bgp);
    await (0,steps/* step */.P)(report, 'Apply the BGP resources (server-side apply)', () => (0,bgp_resources/* applyBgpObjects */.cX)(kubectl, objects, deadline));
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/cluster/nodes.ts
var cluster_nodes = __webpack_require__(9543);
// EXTERNAL MODULE: ./src/report/publish.ts + 1 modules
var publish = __webpack_require__(9429);
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
            (0,safe_log/* logInfo */.f)(`BGP gate open: ${judged.reason}${routes ? `; ${routes.reason}` : ''}`);
            return judged;
        }
        const why = judged.ok ? routes.reason : judged.reason;
        if (Date.now() + POLL_MS > deadline) {
            throw new errors/* ActionError */.lZ(`BGP did not come up before the routing cutover could start: ${why}`, {
                hint: "Nothing was cut over: every node still tunnels. Check the peers (bgp-peers), Route Server's peerings (one per node, or the route reflector) and the NSG rules for TCP 179.",
            });
        }
        if (Date.now() - lastProgress >= PROGRESS_MS) {
            (0,safe_log/* logInfo */.f)(judged.ok
                ? `Waiting for Route Server to learn every pod CIDR: ${routes.missing.length} missing`
                : `Waiting for BGP: ${judged.established}/${judged.expected} sessions established; ${judged.rows.filter((r) => !r.ok).length} nodes not ready`);
            lastProgress = Date.now();
        }
        await (0,promises_.setTimeout)(POLL_MS);
    }
}

// EXTERNAL MODULE: ./src/modes/record.ts
var record = __webpack_require__(2043);
;// CONCATENATED MODULE: ./src/modes/bgp-apply.ts
// profile bgp in apply: phase 1 (BGP up while every node still tunnels, then the gate) before the
// routing cutover, and the BGP resources applied after each upgrade, recorded in the report.












/** Phase 1: upgrade with BGP on (tunnel kept), restart, apply the resources, wait for the gate. */
async function runBgpPhaseOne(input) {
    const { helm, kubectl, report, bgp } = input;
    const { namespace, deadline } = input.upgrade;
    const valuesFile = external_node_path_default().join((0,publish/* workDir */.H)(input.runnerTemp), `${input.upgrade.release}-bgp-phase1-values.yaml`);
    (0,external_node_fs_.writeFileSync)(valuesFile, (0,dist/* stringify */.As)(bgpPhaseOneValues(input.liveValues), { lineWidth: 0 }), { mode: 0o600 });
    const before = await (0,restart/* liveCiliumConfig */.g7)(kubectl, namespace);
    await (0,steps/* step */.P)(report, `Phase 1 (${BGP_PHASE_ONE}): helm upgrade`, () => (0,upgrade/* upgrade */.fG)(helm, { ...input.upgrade, valuesFile }));
    const after = await (0,restart/* liveCiliumConfig */.g7)(kubectl, namespace);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
        await (0,steps/* step */.P)(report, `Phase 1 (${BGP_PHASE_ONE}): restart the agents and the operator`, () => (0,restart/* restartCilium */.XT)(kubectl, namespace, deadline));
    }
    await applyBgpRecorded(kubectl, report, bgp, deadline);
    const nodes = (await (0,cluster_nodes/* listNodes */.iR)(kubectl)).map((n) => n.name);
    await (0,steps/* step */.P)(report, "Phase 1 gate: every node's sessions established and pod CIDR advertised", () => waitForBgpGate(kubectl, nodes, bgp, deadline));
    (0,safe_log/* logInfo */.f)('Phase 1 done: BGP advertises every pod CIDR while the nodes still tunnel; the routing cutover follows.');
}
/** The resources recorded before they are applied: a failed apply still shows what it applied. */
async function applyBgpRecorded(kubectl, report, bgp, deadline) {
    (0,record/* recordBgpResources */.AY)(report, bgp);
    await applyBgpResources(kubectl, report, bgp, deadline);
}

;// CONCATENATED MODULE: ./src/steps/attempt.ts
// A step whose failure the run reports and goes on from (a restart that did not finish: the checks
// that follow name the nodes it left behind).

/** The error's message, or undefined when `fn` succeeded. */
async function failureOf(fn) {
    try {
        await fn();
        return undefined;
    }
    catch (e) {
        return (0,errors/* errorMessage */.gJ)(e);
    }
}
/** `fn`'s text when it succeeded, else its error's message: for a reason that says how it went. */
async function outcomeOf(fn) {
    try {
        return { ok: true, text: await fn() };
    }
    catch (e) {
        return { ok: false, text: (0,errors/* errorMessage */.gJ)(e) };
    }
}

// EXTERNAL MODULE: ./src/modes/checks.ts + 16 modules
var checks = __webpack_require__(1662);
// EXTERNAL MODULE: ./src/steps/judgement.ts
var judgement = __webpack_require__(2908);
;// CONCATENATED MODULE: ./src/modes/direct.ts
// strategy: direct — one upgrade to the desired values, the DaemonSet's rolling restart when
// cilium-config changed, verify; on a failed verification optionally roll back and restart again.













async function applyDirect(ctx, session, input, upToDate) {
    const { config, report } = ctx;
    const { live, plan, deadline } = input;
    if (upToDate)
        keepRelease(ctx, input);
    else
        await upgradeRelease(ctx, session, input);
    if (config.bgp)
        await applyBgpRecorded(session.kubectl, report, config.bgp, deadline);
    const after = await (0,restart/* liveCiliumConfig */.g7)(session.kubectl, config.namespace);
    report.configChanges = (0,cilium_config/* diffConfig */.O2)(live.config, after).map(redact/* redactConfigChange */.qr);
    // A rollout that does not finish is reported, and the checks still run: they name the nodes
    // whose agents kept the old datapath (a mixed cluster), which is what the user needs to see.
    const restartError = report.configChanges.length > 0 ? await restartAgents(ctx, session, deadline) : unchangedConfig();
    report.routingMode = (0,cilium_config/* configRouting */.vm)(after ?? (0,cilium_config/* ciliumConfigOf */.Bt)(plan.manifest, config.namespace));
    report.encryption = (0,cilium_config/* configEncryption */.av)(after);
    const verified = withRestartError((0,record/* recordChecked */.ZY)(report, await (0,checks/* runChecks */.J)(ctx, session)), restartError);
    (0,judgement/* setVerdict */.OU)(report, verified);
    if (verified.verdict !== 'pass' && config.onVerifyFailure === 'rollback' && report.upgraded && report.previousRevision)
        report.reason = await rollBack(ctx, session, report.previousRevision, verified.reason);
}
function keepRelease(ctx, { live }) {
    const { config, report } = ctx;
    report.upgraded = false;
    report.revision = live.info.revision;
    (0,safe_log/* logInfo */.f)(`Release ${config.namespace}/${config.release} already has the desired values (revision ${live.info.revision}): no upgrade.`);
}
async function upgradeRelease(ctx, session, { live, plan, version, deadline }) {
    const { config, report } = ctx;
    const helm = session.helm;
    const request = {
        release: config.release,
        namespace: config.namespace,
        chart: config.chart,
        version,
        valuesFile: plan.valuesFile,
        timeout: config.timeout,
        deadline,
        install: live.info === undefined,
        progress: () => (0,progress/* rolloutProgress */.XP)(session.kubectl, config.namespace),
    };
    // profile bgp: routes first (tunnel kept), the cutover only once every pod CIDR is advertised
    if (config.bgp && live.info && needsBgpPhaseOne(live.config)) {
        await runBgpPhaseOne({
            helm,
            kubectl: session.kubectl,
            report,
            bgp: config.bgp,
            liveValues: live.values,
            upgrade: request,
            runnerTemp: config.runnerTemp,
        });
    }
    await (0,steps/* step */.P)(report, 'helm upgrade', () => (0,upgrade/* upgrade */.fG)(helm, request));
    report.upgraded = true;
    report.revision = (await helm.release(config.release, config.namespace))?.revision;
}
async function restartAgents(ctx, session, deadline) {
    const { config, report } = ctx;
    return failureOf(() => (0,steps/* step */.P)(report, 'Restart the agents and the operator', () => (0,restart/* restartCilium */.XT)(session.kubectl, config.namespace, deadline)));
}
function unchangedConfig() {
    (0,safe_log/* logInfo */.f)('cilium-config did not change: the agents keep running.');
    return undefined;
}
/** A restart that did not finish fails the run whatever the checks found; their reason is kept. */
function withRestartError(checks, restartError) {
    if (!restartError)
        return checks;
    return { verdict: 'fail', reason: `${restartError}${checks.reason ? `; checks: ${checks.reason}` : ''}` };
}
/** Rolls back to `to` and restarts the agents onto it; the run's reason, saying how that went. */
async function rollBack(ctx, session, to, failure) {
    const { config, report } = ctx;
    const helm = session.helm;
    const outcome = await outcomeOf(() => (0,steps/* step */.P)(report, `Roll back to revision ${to}`, () => rollbackAndRestart(ctx, session, to)));
    const now = (await helm.release(config.release, config.namespace).catch(() => undefined))?.revision;
    report.revision = now;
    return outcome.ok
        ? `verification failed (${failure}); rolled back to revision ${to} (now revision ${now}) and ${outcome.text}`
        : `verification failed (${failure}); rolling back to revision ${to} failed too (${outcome.text}): check helm history and the agents by hand`;
}
async function rollbackAndRestart(ctx, session, to) {
    const { config } = ctx;
    await (0,upgrade/* rollback */.dU)(session.helm, config.release, config.namespace, to, config.timeout, () => (0,progress/* rolloutProgress */.XP)(session.kubectl, config.namespace));
    const restartError = await failureOf(() => (0,restart/* restartCilium */.XT)(session.kubectl, config.namespace, Date.now() + config.timeoutMs));
    return restartError ? `the agents did not finish restarting: ${restartError}` : 'restarted the agents';
}

// EXTERNAL MODULE: ./src/steps/live.ts
var steps_live = __webpack_require__(6105);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(6058);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/migration/disruption.ts
// The continuous probe's measurement (pure): each client prints "<epoch ms> ok|fail" per connection
// attempt; the disruption of a pair in a time window is its longest stretch of failed attempts, from
// the first failure to the next success (or to the window's end).
function parseProbeLog(text) {
    const out = [];
    for (const line of text.split('\n')) {
        const m = /^(\d{10,16}) (ok|fail)\s*$/.exec(line.trim());
        if (m)
            out.push({ at: Number(m[1]), ok: m[2] === 'ok' });
    }
    return out.sort((a, b) => a.at - b.at);
}
/** Longest stretch of failures (ms) among the attempts made in [from, to]. */
function longestFailureMs(attempts, from, to) {
    let longest = 0;
    let runStart;
    for (const a of attempts) {
        if (a.at < from)
            continue;
        if (a.at > to)
            break;
        if (!a.ok && runStart === undefined)
            runStart = a.at;
        if (a.ok && runStart !== undefined) {
            longest = Math.max(longest, a.at - runStart);
            runStart = undefined;
        }
    }
    if (runStart !== undefined)
        longest = Math.max(longest, to - runStart);
    return longest;
}
function pairDisruption(client, server, attempts, from, to) {
    const inWindow = attempts.filter((a) => a.at >= from && a.at <= to);
    return {
        client,
        server,
        attempts: inWindow.length,
        failures: inWindow.filter((a) => !a.ok).length,
        longestSeconds: roundSeconds(longestFailureMs(attempts, from, to)),
    };
}
const roundSeconds = (ms) => Math.round(ms / 100) / 10;

// EXTERNAL MODULE: ./src/cluster/probe-manifest.ts
var probe_manifest = __webpack_require__(7492);
;// CONCATENATED MODULE: ./src/migration/probe-loop-manifest.ts
// The continuous probe's pods (pure): per pair a server (agnhost netexec) and a client running a loop
// that opens a new TCP connection to its server every 250 ms and prints "<epoch ms> ok|fail".

/**
 * The client's loop. The target reaches it as a positional parameter ("$1"), never spliced into the
 * script; a failed attempt takes the 1 s connect time-out. Needs sh and GNU date (agnhost's Debian base).
 */
const PROBE_LOOP_SCRIPT = 'while :; do t=$(date +%s%3N); if /agnhost connect "$1" --timeout=1s >/dev/null 2>&1; then echo "$t ok"; else echo "$t fail"; fi; sleep 0.25; done';
const serverName = (i) => `probe-server-${i}`;
const clientName = (i) => `probe-client-${i}`;
function loopServerPod(namespace, i, node, image) {
    return (0,probe_manifest/* probePod */.gx)(namespace, serverName(i), node, image, { args: ['netexec', `--http-port=${probe_manifest/* PROBE_PORT */.D7}`], server: true });
}
function loopClientPod(namespace, i, node, image, serverIp) {
    const target = serverIp.includes(':') ? `[${serverIp}]:${probe_manifest/* PROBE_PORT */.D7}` : `${serverIp}:${probe_manifest/* PROBE_PORT */.D7}`;
    return (0,probe_manifest/* probePod */.gx)(namespace, clientName(i), node, image, { command: ['/bin/sh', '-c', PROBE_LOOP_SCRIPT, 'probe', target] });
}

// EXTERNAL MODULE: ./src/migration/probe-pairs.ts
var probe_pairs = __webpack_require__(7890);
;// CONCATENATED MODULE: ./src/cluster/continuous-probe.ts
// The continuous probe, on the cluster: a namespace of its own, a server and a looping client per node
// pair (see migration/probe-loop-manifest.ts), started before a migration and read at the end. The
// namespace is always removed (the post step removes it after a cancellation).











const CONTINUOUS_PROBE_STATE = 'continuous-probe-namespace';
const IP_RE = /^[0-9a-fA-F:.]+$/;
async function startContinuousProbe(kubectl, image, count, deadline) {
    const nodes = (await kubectl.list('nodes', undefined)).filter((n) => !n.spec?.unschedulable);
    const pairs = (0,probe_pairs/* pickProbePairs */.n)(nodes.map((n) => ({ name: n.metadata.name, labels: n.metadata.labels ?? {} })), count);
    if (pairs.length === 0) {
        core/* warning */.$e('The continuous probe needs two schedulable nodes: the disruption is not measured.');
        return undefined;
    }
    const namespace = (0,probe_manifest/* probeNamespaceName */.vC)(`m-${(0,external_node_crypto_.randomBytes)(3).toString('hex')}`);
    const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(external_node_os_default().tmpdir(), 'cnra-cprobe-'));
    core/* saveState */.LZ(CONTINUOUS_PROBE_STATE, namespace);
    try {
        const apply = async (docs, what) => {
            const file = external_node_path_default().join(dir, `${what.replace(/\W+/g, '-')}.yaml`);
            (0,external_node_fs_.writeFileSync)(file, (0,probe_manifest/* yamlDocs */.ZK)(docs));
            await kubectl.run(['create', '--filename', file], what);
        };
        await apply([(0,probe_manifest/* probeNamespaceObject */.PO)(namespace), ...pairs.map(([, server], i) => loopServerPod(namespace, i, server, image))], `create the continuous probe servers in ${namespace}`);
        await waitReady(kubectl, namespace, deadline);
        const ips = [];
        for (let i = 0; i < pairs.length; i++) {
            const ip = String((await kubectl.get('pod', serverName(i), namespace))?.status?.podIP ?? '');
            if (!IP_RE.test(ip))
                throw new errors/* ActionError */.lZ(`The continuous probe server ${serverName(i)} in ${namespace} has no IP`);
            ips.push(ip);
        }
        await apply(pairs.map(([client], i) => loopClientPod(namespace, i, client, image, ips[i])), `create the continuous probe clients in ${namespace}`);
        await waitReady(kubectl, namespace, deadline);
        (0,safe_log/* logInfo */.f)(`Continuous probe: ${pairs.map(([c, s]) => `${c} → ${s}`).join(', ')} (a new connection every 250 ms)`);
        return { namespace, pairs: pairs.map(([client, server], i) => ({ client, server, pod: clientName(i) })), startedAt: Date.now() };
    }
    catch (e) {
        await stopContinuousProbe(kubectl, namespace);
        throw e;
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
async function waitReady(kubectl, namespace, deadline) {
    const left = Math.max(1, Math.ceil((deadline - Date.now()) / 1000));
    const r = await kubectl.exec(['wait', '--namespace', namespace, '--for=condition=Ready', 'pod', '--all', `--timeout=${left}s`]);
    if (r.code !== 0)
        throw new errors/* ActionError */.lZ(`The continuous probe pods in ${namespace} did not become ready: ${r.stderr.trim() || r.stdout.trim()}`, {
            hint: 'Can the nodes pull probe-image? (Set probe-image to a mirror for air-gapped clusters.)',
        });
}
/** Every attempt each client made so far (its container log). */
async function readContinuousProbe(kubectl, probe) {
    return Promise.all(probe.pairs.map(async (p) => {
        const r = await kubectl.exec(['logs', '--namespace', probe.namespace, p.pod], { quiet: true });
        if (r.code !== 0)
            core/* warning */.$e(`Could not read the continuous probe ${p.pod}: ${r.stderr.trim()}`);
        return parseProbeLog(r.stdout);
    }));
}
async function stopContinuousProbe(kubectl, namespace) {
    const del = await kubectl.deleteNamespace(namespace).catch((e) => ({ code: 1, stderr: String(e) }));
    if (del.code === 0)
        core/* saveState */.LZ(CONTINUOUS_PROBE_STATE, '');
    else
        core/* warning */.$e(`Could not remove the continuous probe namespace ${namespace} (the post step tries again): ${del.stderr.trim()}`);
}

;// CONCATENATED MODULE: ./src/steps/measured.ts
// The disruption, measured: the continuous probe runs from before the first change until the final
// verification is done; then each phase's and the whole run's longest failure stretch are computed
// from the clients' logs into the migration record, and judged against max-disruption.





/** Runs `fn` under the continuous probe, filling `m` in; a failure when the disruption exceeded max-disruption. */
async function measured(ctx, session, deadline, m, fn) {
    const { config, report } = ctx;
    const probe = config.probePairs > 0
        ? await (0,steps/* step */.P)(report, 'Start the continuous probe', () => startContinuousProbe(session.kubectl, config.probeImage, config.probePairs, deadline))
        : undefined;
    try {
        await fn(m);
    }
    finally {
        if (probe) {
            await (0,steps/* step */.P)(report, 'Measure the disruption', () => measure(session.kubectl, probe, m)).catch((e) => {
                report.warnings.push(`The disruption could not be measured: ${(0,errors/* errorMessage */.gJ)(e)}`);
            });
        }
    }
    return overMaxDisruption(ctx, m);
}
async function measure(kubectl, probe, m) {
    let logs;
    const end = Date.now();
    try {
        logs = await readContinuousProbe(kubectl, probe);
    }
    finally {
        await stopContinuousProbe(kubectl, probe.namespace);
    }
    const over = (from, to) => probe.pairs.map((p, i) => pairDisruption(p.client, p.server, logs[i], from, to));
    m.pairs = over(probe.startedAt, end);
    m.disruptionSeconds = Math.max(0, ...m.pairs.map((p) => p.longestSeconds));
    for (const phase of m.phases) {
        if (phase.startedAt === undefined)
            continue;
        phase.pairs = over(phase.startedAt, phase.endedAt ?? end);
        phase.disruptionSeconds = Math.max(0, ...phase.pairs.map((p) => p.longestSeconds));
    }
    for (const p of m.pairs)
        (0,safe_log/* logInfo */.f)(`Probe ${p.client} → ${p.server}: ${p.failures}/${p.attempts} connections failed, longest failure ${p.longestSeconds} s`);
    (0,safe_log/* logInfo */.f)(`disruption-seconds: ${m.disruptionSeconds}`);
}
/** A failure when the measured disruption exceeds max-disruption; undefined otherwise. */
function overMaxDisruption(ctx, m) {
    const max = ctx.config.maxDisruptionSeconds;
    if (max === undefined || m.disruptionSeconds === undefined || m.disruptionSeconds <= max)
        return undefined;
    return { verdict: 'fail', reason: `the disruption was ${m.disruptionSeconds} s, more than max-disruption (${max} s)` };
}

// EXTERNAL MODULE: ./src/modes/desired.ts + 12 modules
var desired = __webpack_require__(7221);
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
        (0,safe_log/* logInfo */.f)(`WireGuard strict egress mode is already on for ${cidr}.`);
        return;
    }
    const helm = session.helm;
    try {
        await (0,steps/* step */.P)(report, 'WireGuard strict mode (egress)', async () => {
            const values = (0,strict_mode/* strictModeValues */.$)(plan.desired.values, cidr, plan.chart);
            const valuesFile = external_node_path_default().join((0,publish/* workDir */.H)(config.runnerTemp), `${config.release}-values-strict.yaml`);
            (0,external_node_fs_.writeFileSync)(valuesFile, (0,dist/* stringify */.As)(values, { lineWidth: 0 }), { mode: 0o600 });
            await (0,upgrade/* upgrade */.fG)(helm, {
                release: config.release,
                namespace: config.namespace,
                chart: config.chart,
                version: plan.chartVersion,
                valuesFile,
                timeout: config.timeout,
                deadline,
                install: false,
            });
            report.valuesFile = valuesFile;
            report.revision = (await helm.release(config.release, config.namespace))?.revision;
            await (0,restart/* restartCilium */.XT)(session.kubectl, config.namespace, deadline);
            const problems = (0,strict_mode/* strictModeProblems */.d)(await (0,restart/* liveCiliumConfig */.g7)(session.kubectl, config.namespace), cidr);
            if (problems.length > 0)
                throw new Error(`strict mode is not in cilium-config after the upgrade: ${problems.join('; ')}`);
        });
    }
    catch (e) {
        (0,judgement/* setVerdict */.OU)(report, { verdict: 'fail', reason: `strict-mode: egress: ${(0,errors/* errorMessage */.gJ)(e)}` });
        return;
    }
    report.notes.push(`WireGuard strict egress mode is on for ${cidr}: pod traffic to that range leaves a node only encrypted`);
    (0,judgement/* setVerdict */.OU)(report, (0,record/* recordChecked */.ZY)(report, await (0,checks/* runChecks */.J)(ctx, session)));
}

;// CONCATENATED MODULE: ./src/migration/strategy.ts
// How a migration runs: the strategy and the size of the cutover's restart batches. Pure.
/** How many agents one cutover batch restarts out of `total` (at least 1). */
function batchSize(batch, total) {
    const n = batch.kind === 'count' ? batch.value : Math.ceil((batch.value * total) / 100);
    return Math.max(1, Math.min(total, n));
}

;// CONCATENATED MODULE: ./src/cluster/cutover.ts
// The routing cutover's restart: the agents in large batches (cutover-batch; 100% = all at once)
// instead of the DaemonSet's rolling update two at a time, so the window in which restarted and
// not-yet-restarted nodes cannot reach each other lasts about one agent restart, whatever the node
// count. Deleting an agent pod makes the DaemonSet controller start a new one at once, with the
// current template and cilium-config. Then the operator restarts as well.






const cutover_POLL_MS = 1_000;
const cutover_PROGRESS_MS = 20_000;
async function cutoverRestart(kubectl, namespace, batch, deadline) {
    const agents = (await (0,cluster_nodes/* listAgents */.vc)(kubectl, namespace)).sort((a, b) => a.node.localeCompare(b.node));
    const size = batchSize(batch, agents.length);
    for (let i = 0; i < agents.length; i += size) {
        const group = agents.slice(i, i + size);
        (0,safe_log/* logInfo */.f)(`Cutover: restarting ${group.length} of ${agents.length} agents at once (batch ${i / size + 1} of ${Math.ceil(agents.length / size)})`);
        await kubectl.run(['delete', 'pod', '--namespace', namespace, '--wait=false', ...group.map((a) => a.pod)], 'restart the agents');
        await waitReplaced(kubectl, namespace, group, deadline);
    }
    await kubectl.run(['rollout', 'restart', restart/* OPERATOR_DEPLOYMENT */.BI, '--namespace', namespace], `restart ${restart/* OPERATOR_DEPLOYMENT */.BI}`);
    for (const workload of [restart/* AGENT_DAEMONSET */.BK, restart/* OPERATOR_DEPLOYMENT */.BI])
        await (0,restart/* waitRollout */.RQ)(kubectl, namespace, workload, deadline);
}
/** Until every node of the batch runs a new, ready agent pod; a progress line at least every 20 s. */
async function waitReplaced(kubectl, namespace, group, deadline) {
    const old = new Set(group.map((a) => a.pod));
    const started = Date.now();
    let said = started;
    for (;;) {
        const now = await (0,cluster_nodes/* listAgents */.vc)(kubectl, namespace);
        const waiting = group.filter((g) => !now.some((a) => a.node === g.node && a.ready && !old.has(a.pod)));
        if (waiting.length === 0)
            return;
        if (Date.now() > deadline) {
            throw new errors/* ActionError */.lZ(`The agents on ${waiting.map((w) => w.node).join(', ')} did not come back ready after the cutover restart`, {
                hint: 'Check the named nodes (kubectl describe pod / kubectl logs -c cilium-agent). WireGuard needs UDP 51871 open between nodes (Azure NSG).',
            });
        }
        if (Date.now() - said >= cutover_PROGRESS_MS) {
            said = Date.now();
            (0,safe_log/* logInfo */.f)(`Cutover: ${group.length - waiting.length}/${group.length} agents back after ${Math.round((said - started) / 1000)} s`);
        }
        await (0,promises_.setTimeout)(cutover_POLL_MS);
    }
}

// EXTERNAL MODULE: ./src/chart/render.ts
var render = __webpack_require__(4502);
// EXTERNAL MODULE: ./src/chart/manifest.ts
var chart_manifest = __webpack_require__(9127);
;// CONCATENATED MODULE: ./src/migration/preflight.ts
// The chart's own pre-pull DaemonSet (pure part): the target values with `preflight.enabled` and the
// agent and operator off render only the cilium-pre-flight-check DaemonSet (with its service account
// and RBAC), which pulls the new agent image on every node. Only the pre-flight objects are kept.


const PREFLIGHT_DAEMONSET = 'cilium-pre-flight-check';
function preflightValues(target) {
    return (0,merge/* mergeValues */.D)(target, { preflight: { enabled: true, validateCNPs: false }, agent: false, operator: { enabled: false } });
}
const KINDS = new Set(['DaemonSet', 'ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']);
function preflightObjects(manifest, namespace) {
    return [...(0,chart_manifest/* parseManifest */.N)(manifest, namespace).values()].filter((o) => KINDS.has(o.kind) && o.name.includes('pre-flight'));
}

;// CONCATENATED MODULE: ./src/cluster/preflight.ts
// Pre-pull of the new agent image before agents restart on a new chart version: render the chart's
// pre-flight DaemonSet with the target values, apply it, wait until it runs on every node, delete it.










async function prePullAgentImage(helm, kubectl, req, deadline) {
    const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(external_node_os_default().tmpdir(), 'cnra-preflight-'));
    try {
        const valuesFile = external_node_path_default().join(dir, 'values.yaml');
        (0,external_node_fs_.writeFileSync)(valuesFile, (0,dist/* stringify */.As)(preflightValues(req.values), { lineWidth: 0 }), { mode: 0o600 });
        const objects = preflightObjects(await (0,render/* renderChart */.x)(helm, { ...req, valuesFile }), req.namespace);
        if (!objects.some((o) => o.kind === 'DaemonSet')) {
            core/* warning */.$e(`The chart renders no ${PREFLIGHT_DAEMONSET} DaemonSet: the new agent image is pulled when the agents restart.`);
            return;
        }
        const file = external_node_path_default().join(dir, 'preflight.yaml');
        (0,external_node_fs_.writeFileSync)(file, (0,probe_manifest/* yamlDocs */.ZK)(objects.map((o) => o.obj)));
        await kubectl.run(['apply', '--filename', file], `create ${PREFLIGHT_DAEMONSET}`);
        try {
            await (0,restart/* waitRollout */.RQ)(kubectl, req.namespace, `daemonset/${PREFLIGHT_DAEMONSET}`, deadline);
        }
        catch (e) {
            throw new errors/* ActionError */.lZ(`The new agent image could not be pulled on every node (${PREFLIGHT_DAEMONSET}): ${e instanceof Error ? e.message : String(e)}`, {
                hint: 'Nothing was upgraded yet. Check that the nodes can pull the image of the new chart version.',
            });
        }
        finally {
            const del = await kubectl.exec(['delete', '--filename', file, '--ignore-not-found', '--wait=false']);
            if (del.code !== 0)
                core/* warning */.$e(`Could not delete ${PREFLIGHT_DAEMONSET}: ${del.stderr.trim()}`);
        }
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./src/process/run.ts + 1 modules
var run = __webpack_require__(8641);
;// CONCATENATED MODULE: ./src/steps/conn-disrupt.ts
// The Cilium CLI's connection-disruption test around the routing cutover, as Cilium's own CI checks
// risky operations: set up long-lived connections before, check them after. Only when the CLI is
// installed (connectivity-tests set); reported beside disruption-seconds, not part of the verdict
// (a staged cutover is expected to interrupt connections for about one agent restart).


const SETUP = ['connectivity', 'test', '--include-conn-disrupt-test', '--conn-disrupt-test-setup'];
const CHECK = ['connectivity', 'test', '--include-conn-disrupt-test', '--test', 'no-interrupted-connections'];
const setUp = new WeakSet();
async function cilium(ctx, session, args) {
    const full = [...args, '--namespace', ctx.config.namespace, ...(ctx.config.context ? ['--context', ctx.config.context] : [])];
    const r = await (0,run/* runProcess */.R)(session.cilium, full, { env: session.access.env, timeoutMs: ctx.config.timeoutMs });
    return { ok: r.code === 0 && !r.timedOut, tail: r.timedOut ? 'timed out' : (r.stdout + r.stderr).trim().split('\n').slice(-2).join(' ') };
}
async function connDisruptSetup(ctx, session, m) {
    if (!ctx.config.connectivityTests || !session.cilium)
        return;
    const r = await (0,steps/* step */.P)(ctx.report, 'Connection-disruption test: set up', () => cilium(ctx, session, SETUP));
    if (r.ok)
        setUp.add(m);
    if (!r.ok)
        m.connDisrupt = { verdict: 'fail', reason: `set-up failed: ${r.tail}` };
}
async function connDisruptCheck(ctx, session, m) {
    if (!setUp.delete(m))
        return;
    const r = await (0,steps/* step */.P)(ctx.report, 'Connection-disruption test: check', () => cilium(ctx, session, CHECK));
    m.connDisrupt = { verdict: r.ok ? 'pass' : 'fail', reason: r.ok ? 'no long-lived connection was interrupted' : r.tail };
}

// EXTERNAL MODULE: ./src/steps/agents.ts + 1 modules
var steps_agents = __webpack_require__(111);
// EXTERNAL MODULE: ./src/verify/status/index.ts + 5 modules
var verify_status = __webpack_require__(3105);
// EXTERNAL MODULE: ./src/steps/fleet.ts
var fleet = __webpack_require__(4071);
;// CONCATENATED MODULE: ./src/modes/gates.ts







/** Every agent's status read and judged against what the expectation says, recorded in the nodes table. */
const agentsGate = (expect) => async (ctx, session, deadline) => {
    const { nodes, agents } = await (0,fleet/* readFleet */.p)(session.kubectl, ctx.config.namespace);
    const expectation = await expect(ctx, session);
    return (0,record/* recordAgents */.AQ)(ctx.report, await (0,steps_agents/* checkAgents */.vB)(ctx, session.kubectl, nodes, agents, deadline, expectation));
};
/** Every agent on tunnel + WireGuard (node encryption on while the chart has it) with one peer per other node. */
const wireguardPeers = agentsGate(async (ctx) => (0,steps_agents/* recipeExpectation */.XI)(ctx, 'tunnel'));
/**
 * Every agent runs what the live cilium-config says, with one peer per other node under WireGuard:
 * after a rollback of phase 1, proof that the cluster is back where it was before the run.
 */
const asConfigured = agentsGate(async (ctx, session) => (0,verify_status/* configExpectation */.td)(await (0,restart/* liveCiliumConfig */.g7)(session.kubectl, ctx.config.namespace)));
/** The configured checks, as after any apply: their verdict is the run's. */
const finalVerification = async (ctx, session) => {
    const judged = (0,record/* recordChecked */.ZY)(ctx.report, await (0,checks/* runChecks */.J)(ctx, session));
    (0,judgement/* setVerdict */.OU)(ctx.report, judged);
    return judged;
};
const GATES = new Map([
    ['wireguard-peers', wireguardPeers],
    ['final-verification', finalVerification],
]);
function gateFor(name) {
    const g = GATES.get(name);
    if (!g)
        throw new Error(`no gate named ${name}`);
    return g;
}

;// CONCATENATED MODULE: ./src/modes/staged.ts
// strategy: staged — the phases of migration/phases.ts one after the other: upgrade with the phase's
// values, restart the agents the phase's way, pass its gate. A failure stops before the next phase;
// with on-verify-failure: rollback the cluster goes back to the last state a gate proved (after a
// failed cutover: the phase-1 revision, restarted with the same batched cutover, and its gate
// again), and the summary says which state the cluster ends in.


















async function applyStaged(ctx, session, input, m, first = wireguardFirst(ctx.nodeEncryption ?? true)) {
    const { config, report } = ctx;
    const chartChanges = input.version !== undefined && input.version !== input.live.info?.chartVersion;
    const phases = stagedPhases(input.live.values, input.live.config ?? {}, input.plan.desired.values, first, chartChanges);
    if (phases[0].restart !== 'rolling')
        m.phases.push({ name: first.name, result: 'skipped', revision: input.live.info?.revision, detail: 'the live release already has it' });
    let proven = input.live.info.revision;
    for (const [i, phase] of phases.entries()) {
        const rec = { name: phase.name, result: 'not run', startedAt: Date.now() };
        m.phases.push(rec);
        if (phase.restart === 'cutover')
            await connDisruptSetup(ctx, session, m);
        const failure = await runPhase(ctx, session, input, phase, rec, chartChanges && i === 0);
        rec.endedAt = Date.now();
        rec.durationMs = rec.endedAt - rec.startedAt;
        if (!failure) {
            rec.result = 'done';
            if (phase.restart === 'rolling')
                proven = rec.revision ?? proven;
            continue;
        }
        rec.result = 'failed';
        rec.detail = failure.reason;
        for (const later of phases.slice(i + 1))
            m.phases.push({ name: later.name, result: 'not run' });
        await afterFailure(ctx, session, input, phase, failure, proven, first, m);
        break;
    }
    if (m.phases.every((p) => p.result === 'done' || p.result === 'skipped'))
        m.endState = 'native routing with WireGuard, verified';
    await connDisruptCheck(ctx, session, m);
    const after = await (0,restart/* liveCiliumConfig */.g7)(session.kubectl, config.namespace);
    report.configChanges = (0,cilium_config/* diffConfig */.O2)(input.live.config, after).map(redact/* redactConfigChange */.qr);
    report.routingMode ??= (0,cilium_config/* configRouting */.vm)(after);
    report.encryption ??= (0,cilium_config/* configEncryption */.av)(after);
}
async function runPhase(ctx, session, input, phase, rec, newChart) {
    const { config, report } = ctx;
    const helm = session.helm;
    const deadline = Date.now() + config.timeoutMs;
    const valuesFile = phase.restart === 'cutover' ? input.plan.valuesFile : writePhaseValues(ctx, phase);
    try {
        if (newChart) {
            const req = {
                chart: config.chart,
                version: input.version,
                release: config.release,
                namespace: config.namespace,
                values: input.plan.desired.values,
            };
            await (0,steps/* step */.P)(report, `${phase.name}: pre-pull the agent image of chart ${input.version}`, () => prePullAgentImage(helm, session.kubectl, req, deadline));
        }
        await (0,steps/* step */.P)(report, `${phase.name}: helm upgrade`, () => (0,upgrade/* upgrade */.fG)(helm, {
            release: config.release,
            namespace: config.namespace,
            chart: config.chart,
            version: input.version,
            valuesFile,
            timeout: config.timeout,
            deadline,
            install: false,
            progress: () => (0,progress/* rolloutProgress */.XP)(session.kubectl, config.namespace),
        }));
    }
    catch (e) {
        // an upgrade helm could not roll back may be half applied: the agents may have been touched
        return { reason: (0,errors/* errorMessage */.gJ)(e), verdict: 'fail', changed: e instanceof upgrade/* UpgradeError */.fy && !e.restored };
    }
    report.upgraded = true;
    rec.revision = report.revision = (await helm.release(config.release, config.namespace))?.revision;
    const how = phase.restart === 'cutover' ? `cutover, batches of ${batchText(ctx)}` : 'rolling update';
    const restartError = await failureOf(() => (0,steps/* step */.P)(report, `${phase.name}: restart the agents (${how})`, () => phase.restart === 'cutover'
        ? cutoverRestart(session.kubectl, config.namespace, config.cutoverBatch, deadline)
        : (0,restart/* restartCilium */.XT)(session.kubectl, config.namespace, deadline)));
    // The gate runs even after a failed restart: it names the nodes that did not come along.
    const gate = await passGate(ctx, session, phase, deadline);
    if (restartError)
        return { reason: `${restartError}; ${gate.reason}`, verdict: 'fail', changed: true };
    if (gate.verdict !== 'pass')
        return { reason: gate.reason, verdict: gate.verdict, changed: true };
    return undefined;
}
/** A gate that throws is a gate not passed: the phase fails, and the rollback may follow. */
async function passGate(ctx, session, phase, deadline) {
    try {
        return await gateFor(phase.gate)(ctx, session, deadline);
    }
    catch (e) {
        return { verdict: 'fail', reason: (0,errors/* errorMessage */.gJ)(e) };
    }
}
function writePhaseValues(ctx, phase) {
    const file = external_node_path_default().join((0,publish/* workDir */.H)(ctx.config.runnerTemp), `${ctx.config.release}-${phase.name.replace(/\W+/g, '-').toLowerCase()}-values.yaml`);
    (0,external_node_fs_.writeFileSync)(file, (0,dist/* stringify */.As)(phase.values, { lineWidth: 0 }), { mode: 0o600 });
    return file;
}
const batchText = (ctx) => {
    const b = ctx.config.cutoverBatch;
    return b.kind === 'percent' ? `${b.value}%` : `${b.value} agents`;
};
async function afterFailure(ctx, session, input, phase, failure, proven, first, m) {
    const { config, report } = ctx;
    const firstPhase = phase.restart === 'rolling';
    const failed = (reason) => (0,judgement/* setVerdict */.OU)(report, { verdict: failure.verdict, reason });
    const where = firstPhase ? `${phase.name} failed before routing changed` : `${phase.name} failed`;
    if (!failure.changed) {
        failed(`${where}: ${failure.reason}`);
        m.endState = firstPhase
            ? 'as before: helm rolled the upgrade back'
            : `tunnel + WireGuard at revision ${proven}: helm rolled the cutover's upgrade back; a re-run resumes at the cutover`;
        return;
    }
    if (config.onVerifyFailure !== 'rollback') {
        failed(`${where}: ${failure.reason}${firstPhase ? '; the cluster still tunnels' : ''}`);
        m.endState = firstPhase
            ? 'still tunnelling (routing not changed); WireGuard not proven'
            : 'not proven: the routing cutover did not pass its verification';
        return;
    }
    const to = firstPhase ? input.live.info.revision : proven;
    const outcome = await outcomeOf(() => (0,steps/* step */.P)(report, `Roll back to revision ${to}`, async () => {
        await (0,upgrade/* rollback */.dU)(session.helm, config.release, config.namespace, to, config.timeout, () => (0,progress/* rolloutProgress */.XP)(session.kubectl, config.namespace));
        const deadline = Date.now() + config.timeoutMs;
        // then the agents must run what they ran before: the run's start, or phase 1's proven state
        if (firstPhase)
            await (0,restart/* restartCilium */.XT)(session.kubectl, config.namespace, deadline);
        else
            await cutoverRestart(session.kubectl, config.namespace, config.cutoverBatch, deadline);
        const what = firstPhase ? 'the state before the run' : first.gate;
        const gate = await (firstPhase ? asConfigured : gateFor(first.gate))(ctx, session, deadline);
        return gate.verdict === 'pass'
            ? `restarted the agents; ${what} proven again (${gate.reason})`
            : `restarted the agents, but ${what} does not hold: ${gate.reason}`;
    }));
    report.revision = (await session.helm.release(config.release, config.namespace).catch(() => undefined))?.revision;
    const proved = outcome.ok && !/does not hold/.test(outcome.text);
    failed(outcome.ok
        ? `${where} (${failure.reason}); rolled back to revision ${to} (now revision ${report.revision}) and ${outcome.text}`
        : `${where} (${failure.reason}); rolling back to revision ${to} failed too (${outcome.text}): check helm history and the agents by hand`);
    if (!outcome.ok && firstPhase)
        m.endState = 'unknown: the rollback failed';
    else if (!proved)
        m.endState = 'not proven: the rollback did not end in a verified state';
    else
        m.endState = firstPhase
            ? `rolled back to revision ${to} (as before the run), proven`
            : `rolled back to tunnel + WireGuard (revision ${to}), proven`;
}
/**
 * A re-run after a cutover that did not finish: the release already has the native values, but some
 * agents still run the old datapath (their restart failed or was cut short). The cutover's restart and
 * verification run again for them; nothing is upgraded.
 */
async function resumeCutover(ctx, session, stale, m) {
    const { config, report } = ctx;
    const rec = {
        name: `${CUTOVER_NAME} (resumed: ${stale.length} agents still on the old datapath)`,
        result: 'not run',
        startedAt: Date.now(),
        revision: report.revision,
    };
    m.phases.push(rec);
    const deadline = Date.now() + config.timeoutMs;
    const restartError = await failureOf(() => (0,steps/* step */.P)(report, `${rec.name}: restart the agents (cutover, batches of ${batchText(ctx)})`, () => cutoverRestart(session.kubectl, config.namespace, config.cutoverBatch, deadline)));
    const gate = await gateFor('final-verification')(ctx, session, deadline);
    rec.endedAt = Date.now();
    rec.durationMs = rec.endedAt - rec.startedAt;
    rec.result = !restartError && gate.verdict === 'pass' ? 'done' : 'failed';
    if (restartError)
        (0,judgement/* setVerdict */.OU)(report, { verdict: 'fail', reason: `${restartError}; ${gate.reason}` });
    if (rec.result === 'failed')
        rec.detail = report.reason;
    m.endState =
        rec.result === 'done' ? 'native routing with WireGuard, verified' : 'not proven: the resumed cutover did not pass its verification';
}

;// CONCATENATED MODULE: ./src/steps/stale-agents.ts
// Agents that still run another datapath than the release asks for: after a cutover whose restart
// failed part-way, the release is native but those agents still tunnel. Read from every agent's status.



/** The agents read, and the nodes whose agent still tunnels. */
async function staleAgents(ctx, session, deadline) {
    return (0,steps/* step */.P)(ctx.report, 'Look for agents still on the old datapath', async () => {
        const { nodes, agents } = await (0,fleet/* readFleet */.p)(session.kubectl, ctx.config.namespace);
        const checked = await (0,steps_agents/* checkAgents */.vB)(ctx, session.kubectl, nodes, agents, deadline);
        return { agents: checked, stale: checked.rows.filter((r) => r.routing === 'tunnel').map((r) => r.node) };
    });
}

// EXTERNAL MODULE: ./src/modes/tools.ts + 12 modules
var modes_tools = __webpack_require__(495);
;// CONCATENATED MODULE: ./src/modes/apply.ts
// mode: apply — read the live release, merge and validate exactly as preview does, then change the
// cluster with the chosen strategy: `staged` (WireGuard first with the tunnel kept, then one fast
// routing cutover; when the live release tunnels) or `direct` (one upgrade, rolling restart). A
// migration is measured by the continuous probe from before the first change to the final check.
















async function apply(ctx) {
    const { config, report } = ctx;
    const deadline = Date.now() + config.timeoutMs;
    const tools = await (0,steps/* step */.P)(report, 'Install tools', () => (0,modes_tools/* acquireTools */.k2)(ctx, (0,modes_tools/* toolsNeeded */.Re)(config)));
    const session = await (0,cluster/* openCluster */.D)(ctx, tools);
    try {
        const { input, upToDate } = await planApply(ctx, session, deadline);
        await migrate(ctx, session, input, upToDate);
        // once the cutover is proven (it checks the verdict itself)
        await applyStrictMode(ctx, session, input.plan, deadline);
    }
    finally {
        session.close();
    }
}
/** The live release and the desired state; up to date when neither the values nor the chart change. */
async function planApply(ctx, session, deadline) {
    const { report } = ctx;
    const live = await (0,steps/* step */.P)(report, 'Read the live release', () => (0,steps_live/* readLiveRelease */.q)(ctx, session, deadline));
    report.previousRevision = live.info?.revision;
    const version = (0,desired/* targetVersion */.I$)(ctx, live.info?.chartVersion);
    const plan = await (0,steps/* step */.P)(report, 'Merge values and render the chart', () => (0,desired/* plan */.et)(ctx, session.helm, (0,desired/* desired */.he)(ctx, live.values), version));
    report.changes = plan.desired.changes.map(redact/* redactChange */.Qj);
    report.baseline = 'live release';
    // A new chart version is an upgrade even when the values are the same.
    const sameChart = version === undefined || version === live.info?.chartVersion;
    const upToDate = live.info !== undefined && live.info.status === 'deployed' && sameChart && (0,changes/* equalValues */.b)(live.values, plan.desired.values);
    return { input: { live, plan, version, deadline }, upToDate };
}
/** The strategy that fits the live release: resume a cutover, nothing to upgrade, staged, or direct. */
async function migrate(ctx, session, input, upToDate) {
    const { config, report } = ctx;
    const { live, deadline } = input;
    const stale = upToDate && config.strategy === 'staged' && !tunnels(live.config) ? await staleAgentsRecorded(ctx, session, deadline) : [];
    if (stale.length > 0) {
        report.upgraded = false;
        report.revision = live.info.revision;
        await migration(ctx, session, deadline, 'staged', (m) => resumeCutover(ctx, session, stale, m));
    }
    else if (upToDate || live.info === undefined)
        await applyDirect(ctx, session, input, upToDate);
    // profile bgp has its own first phase (BGP up and routes advertised while tunnelling), in applyDirect
    else if (config.strategy === 'staged' && tunnels(live.config) && !config.bgp) {
        await migration(ctx, session, deadline, 'staged', (m) => applyStaged(ctx, session, input, m));
    }
    else {
        await migration(ctx, session, deadline, 'direct', (m) => phaseOf(report, m, 'Upgrade, rolling restart, verify', () => applyDirect(ctx, session, input, false)));
    }
}
/** The agents that still tunnel; what the agents report is recorded as any agents check's is. */
async function staleAgentsRecorded(ctx, session, deadline) {
    const found = await staleAgents(ctx, session, deadline);
    (0,record/* recordAgents */.AQ)(ctx.report, found.agents);
    return found.stale;
}
/** A measured migration; a disruption over max-disruption fails the run whatever else it found. */
async function migration(ctx, session, deadline, strategy, fn) {
    const m = { strategy, phases: [] };
    // The record is in the report from the start and filled in as the phases run: a run that
    // throws part-way still shows in its summary which phases were done.
    ctx.report.migration = m;
    const over = await measured(ctx, session, deadline, m, fn);
    if (over)
        (0,judgement/* setVerdict */.OU)(ctx.report, (0,judgement/* alsoFailed */.$o)(ctx.report, over));
}
/** One phase around `fn` (the direct strategy is one phase): its window, revision, duration and result. */
async function phaseOf(report, m, name, fn) {
    const rec = { name, result: 'not run', startedAt: Date.now() };
    m.phases.push(rec);
    try {
        await fn();
        rec.result = report.verdict === 'pass' ? 'done' : 'failed';
        if (rec.result === 'failed')
            rec.detail = report.reason;
    }
    catch (e) {
        rec.result = 'failed';
        rec.detail = (0,errors/* errorMessage */.gJ)(e);
        throw e;
    }
    finally {
        rec.revision = report.revision;
        rec.endedAt = Date.now();
        rec.durationMs = rec.endedAt - rec.startedAt;
    }
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

//# sourceMappingURL=811.index.js.map