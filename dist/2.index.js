export const id = 2;
export const ids = [2];
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

/***/ 4002:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  apply: () => (/* binding */ apply)
});

// EXTERNAL MODULE: ./src/chart/cilium-config.ts
var cilium_config = __webpack_require__(998);
// EXTERNAL MODULE: ./src/cluster/restart.ts
var restart = __webpack_require__(3497);
;// CONCATENATED MODULE: ./src/cluster/upgrade-outcome.ts
function afterFailedUpgrade(before, after, flag, release, namespace) {
    const history = `Check \`helm history ${release} -n ${namespace}\``;
    if (!after)
        return `The release's state could not be read after the failure. ${history}.`;
    // the failed upgrade takes revision N+1, helm's rollback N+2 (deployed)
    if (before && after.status === 'deployed' && after.revision >= before.revision + 2) {
        return `helm rolled the release back (${flag}): it is deployed at revision ${after.revision}; the message above names the cause.`;
    }
    if (!before && after.status === 'deployed')
        return `The release is deployed at revision ${after.revision}; the message above names the cause.`;
    return `The release is ${after.status} at revision ${after.revision}: helm did not roll it back. ${history} and roll back to the last deployed revision by hand.`;
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/chart/chart-ref.ts
var chart_ref = __webpack_require__(8428);
// EXTERNAL MODULE: ./src/cluster/helm.ts
var cluster_helm = __webpack_require__(1972);
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
        (0,safe_log/* logInfo */.fH)(`Release ${namespace}/${release} is ${info.status}; waiting ${Math.round(delay / 1000)} s for the other operation`);
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
        const before = await waitUnlocked(helm, req.release, req.namespace, req.deadline, req.pollMs);
        const r = await helm.exec(args, { timeoutMs: Math.max(1_000, req.deadline - Date.now() + 30_000) });
        if (r.code === 0 && !r.timedOut)
            return;
        const msg = r.timedOut ? 'helm did not finish within the timeout' : (0,cluster_helm/* helmMessage */.S)(r.stderr);
        if (LOCKED.test(msg) && Date.now() < req.deadline)
            continue;
        const flag = major >= 4 ? '--rollback-on-failure' : '--atomic';
        const after = await helm.release(req.release, req.namespace).catch(() => undefined);
        throw new errors/* ActionError */.lZ(`helm upgrade failed: ${msg}`, { hint: afterFailedUpgrade(before, after, flag, req.release, req.namespace) });
    }
}
async function rollback(helm, release, namespace, revision, timeout) {
    await helm.run(['rollback', release, String(revision), '--namespace', namespace, '--wait', '--timeout', timeout], `roll ${namespace}/${release} back to revision ${revision}`);
}

// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
// EXTERNAL MODULE: ./src/report/steps.ts
var steps = __webpack_require__(21);
// EXTERNAL MODULE: ./src/values/changes.ts
var changes = __webpack_require__(8771);
// EXTERNAL MODULE: ./src/modes/checks.ts + 23 modules
var checks = __webpack_require__(2782);
// EXTERNAL MODULE: ./src/modes/cluster.ts + 1 modules
var cluster = __webpack_require__(1258);
// EXTERNAL MODULE: ./src/modes/plan.ts + 5 modules
var modes_plan = __webpack_require__(1640);
// EXTERNAL MODULE: ./src/modes/tools.ts
var modes_tools = __webpack_require__(4611);
// EXTERNAL MODULE: ./src/tools/install.ts + 4 modules
var install = __webpack_require__(1987);
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
        const version = await (0,modes_plan/* chartVersionFor */.CM)(ctx, helm, live.info?.chartVersion);
        const plan = await (0,steps/* step */.P)(report, 'Merge values and render the chart', () => (0,modes_plan/* planDesired */.oR)(ctx, helm, (0,modes_plan/* desiredFor */.ER)(ctx, live.values), version));
        report.changes = plan.desired.changes.map(redact/* redactChange */.Qj);
        report.baseline = 'live release';
        const sameChart = !config.ciliumVersion || config.ciliumVersion === live.info?.chartVersion;
        const upToDate = live.info !== undefined && live.info.status === 'deployed' && sameChart && (0,changes/* equalValues */.b)(live.values, plan.desired.values);
        if (upToDate) {
            report.upgraded = false;
            report.revision = live.info.revision;
            (0,safe_log/* logInfo */.fH)(`Release ${config.namespace}/${config.release} already has the desired values (revision ${live.info.revision}): no upgrade.`);
        }
        else {
            await (0,steps/* step */.P)(report, 'helm upgrade', () => upgrade(helm, {
                release: config.release,
                namespace: config.namespace,
                chart: config.chart,
                version,
                valuesFile: plan.valuesFile,
                timeout: config.timeout,
                deadline,
                install: live.info === undefined,
            }));
            report.upgraded = true;
            report.revision = (await helm.release(config.release, config.namespace))?.revision;
        }
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
            (0,safe_log/* logInfo */.fH)('cilium-config did not change: the agents keep running.');
        }
        report.routingMode = (0,cilium_config/* configRouting */.vm)(after ?? (0,cilium_config/* ciliumConfigOf */.Bt)(plan.manifest, config.namespace));
        report.encryption = (0,cilium_config/* configEncryption */.av)(after);
        await (0,checks/* runChecks */.J)(ctx, session);
        if (restartError) {
            report.verdict = 'fail';
            report.reason = `${restartError}${report.reason ? `; checks: ${report.reason}` : ''}`;
        }
        if (report.verdict !== 'pass' && config.onVerifyFailure === 'rollback' && report.upgraded && report.previousRevision) {
            const to = report.previousRevision;
            const failure = report.reason;
            const outcome = await (0,steps/* step */.P)(report, `Roll back to revision ${to}`, async () => {
                await rollback(helm, config.release, config.namespace, to, config.timeout);
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


/***/ })

};
