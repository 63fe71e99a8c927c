export const id = 995;
export const ids = [995];
export const modules = {

/***/ 995:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  preview: () => (/* binding */ preview)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/chart/cilium-config.ts
var cilium_config = __webpack_require__(998);
// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(7291);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
// EXTERNAL MODULE: ./src/chart/manifest.ts
var manifest = __webpack_require__(9127);
;// CONCATENATED MODULE: ./src/chart/manifest-diff.ts
// Object-by-object unified diff of two rendered manifests, secrets redacted.




function diffManifests(before, after, namespace) {
    const b = (0,manifest/* parseManifest */.N)(before, namespace);
    const a = (0,manifest/* parseManifest */.N)(after, namespace);
    const ids = [...new Set([...b.keys(), ...a.keys()])].sort();
    const result = { added: [], removed: [], changed: [], patch: '' };
    const parts = [];
    for (const id of ids) {
        const bt = b.has(id) ? (0,dist/* stringify */.As)((0,redact/* redactObject */.ll)(b.get(id).obj), { sortMapEntries: true }) : '';
        const at = a.has(id) ? (0,dist/* stringify */.As)((0,redact/* redactObject */.ll)(a.get(id).obj), { sortMapEntries: true }) : '';
        if (bt === at)
            continue;
        if (!bt)
            result.added.push(id);
        else if (!at)
            result.removed.push(id);
        else
            result.changed.push(id);
        const patch = (0,create/* createTwoFilesPatch */.ss)(`live/${id}`, `desired/${id}`, bt, at, '', '', { context: 3 });
        // drop the "=====" header line jsdiff writes first
        parts.push(patch.split('\n').slice(1).join('\n').trimEnd());
    }
    result.patch = parts.join('\n');
    return result;
}

// EXTERNAL MODULE: ./src/chart/render.ts
var render = __webpack_require__(4502);
;// CONCATENATED MODULE: ./src/cluster/access.ts
/** No cluster at all (preview with base-values): helm then only renders. */
const NO_CLUSTER = { env: process.env, context: undefined };

// EXTERNAL MODULE: ./src/cluster/helm.ts
var cluster_helm = __webpack_require__(1972);
// EXTERNAL MODULE: ./src/cluster/kubeconfig.ts
var kubeconfig = __webpack_require__(2315);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/steps/pr-comment.ts
var pr_comment = __webpack_require__(3797);
// EXTERNAL MODULE: ./src/report/publish.ts + 1 modules
var publish = __webpack_require__(9429);
// EXTERNAL MODULE: ./src/report/steps.ts
var steps = __webpack_require__(21);
// EXTERNAL MODULE: ./src/values/consistency.ts
var consistency = __webpack_require__(5534);
// EXTERNAL MODULE: ./src/values/paths.ts
var paths = __webpack_require__(8614);
// EXTERNAL MODULE: ./src/steps/plan.ts + 10 modules
var steps_plan = __webpack_require__(8392);
// EXTERNAL MODULE: ./src/modes/tools.ts + 12 modules
var modes_tools = __webpack_require__(495);
// EXTERNAL MODULE: ./src/bgp/resources.ts
var resources = __webpack_require__(4172);
// EXTERNAL MODULE: ./src/bgp/expectation.ts
var expectation = __webpack_require__(363);
// EXTERNAL MODULE: ./src/steps/bgp-drift.ts + 1 modules
var bgp_drift = __webpack_require__(1355);
;// CONCATENATED MODULE: ./src/modes/preview.ts
// mode: preview — merge, validate, render, diff against the live release or base-values.
// Read-only: the only helm commands are list/get/template/show.





















async function preview(ctx) {
    const { config, report } = ctx;
    const withCluster = config.baseValues === undefined;
    // Without a cluster everything about the values is known before any command runs: check it first.
    const early = withCluster ? undefined : (0,steps_plan/* desiredFor */.ER)(ctx, config.baseValues.values);
    const tools = await (0,steps/* step */.P)(report, 'Install tools', () => (0,modes_tools/* acquireTools */.k2)(ctx, (0,modes_tools/* toolsNeeded */.Re)(config)));
    const access = withCluster
        ? (0,kubeconfig/* resolveAccess */.pQ)(config.kubeconfig, config.context, config.runnerTemp)
        : { ...NO_CLUSTER, cleanup: () => undefined };
    try {
        const helm = new cluster_helm/* Helm */.f(tools.helm, access);
        const baseline = await (0,steps/* step */.P)(report, withCluster ? 'Read the live release' : 'Read base-values', async () => {
            if (!withCluster)
                return { values: config.baseValues.values, installed: undefined, manifest: undefined };
            return readLiveRelease(ctx, helm);
        });
        const version = (0,steps_plan/* chartVersionFor */.CM)(ctx, baseline.installed);
        report.baseline = withCluster ? 'live release' : 'base-values';
        // Without a cluster the baseline is base-values rendered by the same chart: render both at once.
        const baselineManifest = baseline.manifest !== undefined ? Promise.resolve(baseline.manifest) : renderBaseline(ctx, helm, baseline.values, version);
        const plan = await (0,steps/* step */.P)(report, 'Merge values and render the chart', () => (0,steps_plan/* planDesired */.oR)(ctx, helm, early ?? (0,steps_plan/* desiredFor */.ER)(ctx, baseline.values), version));
        await (0,steps/* step */.P)(report, 'Diff desired against the baseline', async () => {
            const before = await baselineManifest;
            report.changes = plan.desired.changes.map(redact/* redactChange */.Qj);
            report.configChanges = (0,cilium_config/* diffConfig */.O2)(before === undefined ? undefined : (0,cilium_config/* ciliumConfigOf */.Bt)(before, config.namespace), plan.config).map(redact/* redactConfigChange */.qr);
            if (before !== undefined)
                report.manifestDiff = diffManifests(before, plan.manifest, config.namespace);
        });
        report.routingMode = (0,cilium_config/* configRouting */.vm)(plan.config);
        report.encryption = (0,cilium_config/* configEncryption */.av)(plan.config);
        const noComment = (0,pr_comment.whyNoComment)(config);
        if (noComment)
            report.notes.push(noComment);
        if (config.bgp)
            report.bgp = { resources: (0,resources/* bgpManifest */.xB)((0,resources/* bgpObjects */.ur)(config.bgp)) };
        if (config.bgp && withCluster)
            await (0,steps/* step */.P)(report, 'Diff the BGP resources against the live ones', () => (0,bgp_drift/* previewBgpChanges */.Rq)(access, report, config.bgp));
        if (config.bgp && report.encryption === 'wireguard')
            report.notes.push(expectation/* BGP_WIREGUARD_NOTE */.s);
        report.verdict = 'pass';
        report.reason = `the merged values render native routing with ${config.bgp ? 'BGP' : 'WireGuard'} on chart ${version ?? config.chart.kind}`;
    }
    finally {
        access.cleanup();
    }
}
/** The live release: its user-supplied values, installed chart version and manifest. */
async function readLiveRelease(ctx, helm) {
    const { config } = ctx;
    const info = await helm.release(config.release, config.namespace);
    if (!info) {
        if (!config.ciliumVersion) {
            throw new errors/* ActionError */.lZ(`There is no Helm release ${config.namespace}/${config.release}`, {
                hint: 'This action changes an existing Cilium installation. Check release/namespace (and the kube context), or set cilium-version to preview a fresh install.',
            });
        }
        return { values: {}, installed: undefined, manifest: '' };
    }
    ctx.report.revision = info.revision;
    const [values, manifest] = await Promise.all([
        helm.getValues(info.name, config.namespace),
        helm.getManifest(info.name, config.namespace),
    ]);
    return { values, installed: info.chartVersion, manifest };
}
/** base-values rendered by the chart; undefined (with a warning) when they do not render. */
async function renderBaseline(ctx, helm, values, version) {
    const { config, report } = ctx;
    const file = external_node_path_default().join((0,publish/* workDir */.H)(config.runnerTemp), `${config.release}-base-values.yaml`);
    // dropped from the baseline as from the desired values: the diff then shows the real change
    const baseline = structuredClone(values);
    for (const r of (0,consistency/* legacyRemovals */.Jp)(values))
        (0,paths/* deletePath */.Rq)(baseline, r.path);
    (0,external_node_fs_.writeFileSync)(file, (0,dist/* stringify */.As)(baseline, { lineWidth: 0 }), { mode: 0o600 });
    try {
        return await (0,render/* renderChart */.x)(helm, {
            chart: config.chart,
            version,
            release: config.release,
            namespace: config.namespace,
            valuesFile: file,
        });
    }
    catch (e) {
        report.warnings.push(`base-values do not render with this chart, so there is no manifest diff: ${(0,errors/* errorMessage */.gJ)(e)}`);
        return undefined;
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


/***/ })

};

//# sourceMappingURL=995.index.js.map