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

// EXTERNAL MODULE: ./src/chart/render.ts + 1 modules
var render = __webpack_require__(3600);
;// CONCATENATED MODULE: ./src/cluster/access.ts
/** No cluster at all (preview with base-values): helm then only renders. */
const NO_CLUSTER = { env: process.env, context: undefined };

// EXTERNAL MODULE: ./src/cluster/helm.ts
var cluster_helm = __webpack_require__(1972);
// EXTERNAL MODULE: ./src/cluster/kubeconfig.ts
var kubeconfig = __webpack_require__(2315);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/report/publish.ts + 1 modules
var publish = __webpack_require__(9429);
// EXTERNAL MODULE: ./src/report/steps.ts
var steps = __webpack_require__(21);
// EXTERNAL MODULE: ./src/modes/plan.ts + 5 modules
var modes_plan = __webpack_require__(1640);
// EXTERNAL MODULE: ./src/modes/tools.ts
var modes_tools = __webpack_require__(4611);
// EXTERNAL MODULE: ./src/tools/install.ts + 4 modules
var install = __webpack_require__(1987);
;// CONCATENATED MODULE: ./src/modes/preview.ts
// mode: preview — merge, validate, render, diff against the live release or base-values.
// Read-only: the only helm commands are list/get/template/show.
















async function preview(ctx) {
    const { config, report } = ctx;
    const withCluster = config.baseValues === undefined;
    // Without a cluster everything about the values is known before any command runs: check it first.
    const early = withCluster ? undefined : (0,modes_plan/* desiredFor */.ER)(ctx, config.baseValues.values);
    const tools = await (0,steps/* step */.P)(report, 'Install tools', () => (0,modes_tools/* acquireTools */.k)(ctx, (0,install/* toolsNeeded */.Re)(config)));
    const access = withCluster ? (0,kubeconfig/* resolveAccess */.pQ)(config.kubeconfig, config.context, config.runnerTemp) : { ...NO_CLUSTER, cleanup: () => undefined };
    try {
        const helm = new cluster_helm/* Helm */.f(tools.helm, access);
        const baseline = await (0,steps/* step */.P)(report, withCluster ? 'Read the live release' : 'Read base-values', async () => {
            if (!withCluster)
                return { values: config.baseValues.values, installed: undefined, manifest: undefined };
            return readLiveRelease(ctx, helm);
        });
        const version = await (0,modes_plan/* chartVersionFor */.CM)(ctx, helm, baseline.installed);
        report.baseline = withCluster ? 'live release' : 'base-values';
        // Without a cluster the baseline is base-values rendered by the same chart: render both at once.
        const baselineManifest = baseline.manifest !== undefined ? Promise.resolve(baseline.manifest) : renderBaseline(ctx, helm, baseline.values, version);
        const plan = await (0,steps/* step */.P)(report, 'Merge values and render the chart', () => (0,modes_plan/* planDesired */.oR)(ctx, helm, early ?? (0,modes_plan/* desiredFor */.ER)(ctx, baseline.values), version));
        await (0,steps/* step */.P)(report, 'Diff desired against the baseline', async () => {
            const before = await baselineManifest;
            report.changes = plan.desired.changes.map(redact/* redactChange */.Qj);
            report.configChanges = (0,cilium_config/* diffConfig */.O2)(before === undefined ? undefined : (0,cilium_config/* ciliumConfigOf */.Bt)(before, config.namespace), plan.config).map(redact/* redactConfigChange */.qr);
            if (before !== undefined)
                report.manifestDiff = diffManifests(before, plan.manifest, config.namespace);
        });
        report.routingMode = (0,cilium_config/* configRouting */.vm)(plan.config);
        report.encryption = (0,cilium_config/* configEncryption */.av)(plan.config);
        report.verdict = 'pass';
        report.reason = `the merged values render native routing with WireGuard on chart ${version ?? config.chart.kind}`;
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
    const [values, manifest] = await Promise.all([helm.getValues(info.name, config.namespace), helm.getManifest(info.name, config.namespace)]);
    return { values, installed: info.chartVersion, manifest };
}
/** base-values rendered by the chart; undefined (with a warning) when they do not render. */
async function renderBaseline(ctx, helm, values, version) {
    const { config, report } = ctx;
    const file = external_node_path_default().join((0,publish/* workDir */.Hg)(config.runnerTemp), `${config.release}-base-values.yaml`);
    (0,external_node_fs_.writeFileSync)(file, (0,dist/* stringify */.As)(values, { lineWidth: 0 }), { mode: 0o600 });
    try {
        return await (0,render/* renderChart */.x)(helm, { chart: config.chart, version, release: config.release, namespace: config.namespace, valuesFile: file });
    }
    catch (e) {
        report.warnings.push(`base-values do not render with this chart, so there is no manifest diff: ${(0,errors/* errorMessage */.gJ)(e)}`);
        return undefined;
    }
}


/***/ })

};
