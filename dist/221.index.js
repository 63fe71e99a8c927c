export const id = 221;
export const ids = [221];
export const modules = {

/***/ 998:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bt: () => (/* binding */ ciliumConfigOf),
/* harmony export */   Ie: () => (/* binding */ requiredConfig),
/* harmony export */   O2: () => (/* binding */ diffConfig),
/* harmony export */   RI: () => (/* binding */ ciliumConfigObject),
/* harmony export */   YE: () => (/* binding */ configDataOf),
/* harmony export */   av: () => (/* binding */ configEncryption),
/* harmony export */   l2: () => (/* binding */ checkConfig),
/* harmony export */   vm: () => (/* binding */ configRouting)
/* harmony export */ });
/* harmony import */ var _config_renames_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8670);
/* harmony import */ var _bgp_enforced_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8295);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9127);
// The cilium-config ConfigMap: read from a rendered manifest, checked against the recipe, diffed.



/** The cilium-config object among a parsed manifest's. */
const ciliumConfigObject = (objects, namespace) => objects.get(`ConfigMap/${namespace}/cilium-config`);
function ciliumConfigOf(manifest, namespace) {
    return configDataOf(ciliumConfigObject((0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseManifest */ .N)(manifest, namespace), namespace));
}
/** A ConfigMap object's data, every value as a string. */
function configDataOf(cm) {
    if (!cm)
        return undefined;
    const data = (cm.obj.data ?? {});
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v)]));
}
/** What must hold in the rendered cilium-config for native routing with WireGuard (or over BGP). */
function requiredConfig(cidr, profile = 'wireguard') {
    if (profile === 'bgp')
        return (0,_bgp_enforced_js__WEBPACK_IMPORTED_MODULE_1__/* .bgpRequiredConfig */ .z)(cidr);
    return {
        'routing-mode': 'native',
        'enable-wireguard': 'true',
        'encrypt-node': 'true',
        'auto-direct-node-routes': 'false',
        'ipv4-native-routing-cidr': cidr,
    };
}
function checkConfig(data, required) {
    return Object.entries(required)
        .filter(([k, v]) => data[k] !== v)
        .map(([key, expected]) => ({ key, expected, actual: data[key] }));
}
function diffConfig(before, after) {
    const b = before ?? {};
    const a = after ?? {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    return (0,_config_renames_js__WEBPACK_IMPORTED_MODULE_2__/* .foldRenames */ .p)(keys.filter((k) => b[k] !== a[k]).map((key) => ({ key, before: b[key], after: a[key] })), b, a);
}
/** routing-mode / encryption as the outputs spell them, from a (rendered or live) config. */
function configRouting(data) {
    const m = data?.['routing-mode'];
    return m === 'native' || m === 'tunnel' ? m : 'unknown';
}
function configEncryption(data) {
    if (!data)
        return 'unknown';
    if (data['enable-wireguard'] === 'true')
        return 'wireguard';
    if (data['enable-ipsec'] === 'true')
        return 'ipsec';
    return 'none';
}


/***/ }),

/***/ 8670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ foldRenames),
/* harmony export */   r: () => (/* binding */ CONFIG_RENAMES)
/* harmony export */ });
/** [old, new]: strict mode became strict egress mode in 1.19 (encryption.strictMode.egress.*) */
const CONFIG_RENAMES = [
    ['enable-encryption-strict-mode', 'enable-encryption-strict-mode-egress'],
    ['encryption-strict-mode-cidr', 'encryption-strict-egress-cidr'],
    ['encryption-strict-mode-allow-remote-node-identities', 'encryption-strict-egress-allow-remote-node-identities'],
];
/** Folds the pairs of changes that are renames into one change (none when the value is equal). */
function foldRenames(changes, before, after) {
    let out = changes;
    for (const [oldKey, newKey] of CONFIG_RENAMES) {
        for (const [from, to] of [
            [oldKey, newKey],
            [newKey, oldKey],
        ]) {
            const renamed = from in before && !(to in before) && to in after && !(from in after);
            if (!renamed)
                continue;
            out = out.filter((c) => c.key !== from && c.key !== to);
            if (before[from] !== after[to])
                out.push({ key: `${from} → ${to}`, before: before[from], after: after[to] });
        }
    }
    return out.sort((a, b) => a.key.localeCompare(b.key));
}


/***/ }),

/***/ 6705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OR: () => (/* binding */ throwIfDownloadFailure),
/* harmony export */   _Z: () => (/* binding */ chartErrorHint)
/* harmony export */ });
/* unused harmony export isDownloadFailure */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _values_consistency_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5534);
/* harmony import */ var _values_enforced_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9958);



// helm's words when the chart could not be fetched at all (repository index, archive or OCI registry)
const DOWNLOAD_FAILURE_RE = /cannot be reached|connection refused|no such host|dial tcp|i\/o timeout|TLS handshake|network is unreachable|failed to do request|failed to fetch|context deadline exceeded|connection reset|server misbehaving/i;
/** Pure: whether helm's message says the chart could not be downloaded (not that it rejected the values). */
function isDownloadFailure(message) {
    return DOWNLOAD_FAILURE_RE.test(message);
}
/** Where helm downloads the chart from. */
function chartSource(chart) {
    return chart.kind === 'repo' ? chart.repository : chart.kind === 'oci' ? chart.ref : chart.path;
}
/** A chart that could not be fetched is said as such, whichever helm command fetched it. */
function throwIfDownloadFailure(chart, at, timedOut, message) {
    if (timedOut || chart.kind === 'local' || !isDownloadFailure(message))
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Could not download the chart from ${chartSource(chart)} (${at}): ${message}`, {
        hint: "The runner could not reach it: check chart-repository (or the oci:// reference), the runner's network and proxy, or set chart to a local .tgz.",
    });
}
function chartErrorHint(message) {
    if (message.includes(_values_enforced_js__WEBPACK_IMPORTED_MODULE_1__/* .CHART_AKSBYOCNI_MESSAGE */ .nQ)) {
        return 'aksbyocni.enabled only exists to keep AKS BYOCNI clusters on VXLAN; this action sets it to false. Remove aksbyocni.enabled: true from your values.';
    }
    // e.g. "tunnel was deprecated in v1.14 and has been removed in v1.15. For details …"
    const removed = /(\S+?) (?:was deprecated in v[\d.]+ and )?ha(?:s|ve) been removed in (v[\d.]+)/.exec(message);
    if (removed) {
        const key = removed[1].replace(/^\.?Values\./, '');
        const top = key.split(/[{,.]/)[0];
        if (_values_consistency_js__WEBPACK_IMPORTED_MODULE_2__/* .LEGACY_KEYS */ .Hi.includes(top)) {
            return `Your values (values or values-files) set ${top}, which the chart removed in ${removed[2]}; the action already drops it from the release's values. Remove it from your values: routingMode: native replaces it.`;
        }
        return `The release values still set ${key}, which the chart removed in ${removed[2]}. Drop it with the values input (\`${key.split(/[{,]/)[0]}: null\`) or migrate it as the Cilium upgrade notes describe.`;
    }
    if (/failed to download|could not find|not found in .* repository|no such host|connection refused/i.test(message)) {
        return 'Check chart, chart-repository and cilium-version (and that the runner can reach the repository or set chart to a local .tgz).';
    }
    if (/values don't meet the specifications of the schema/.test(message)) {
        return "A value has the wrong type or an unknown key for this chart version's values.schema.json; fix the key the message names.";
    }
    return undefined;
}


/***/ }),

/***/ 9127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ parseManifest)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
// A rendered manifest as objects keyed by kind/namespace/name.

function parseManifest(manifest, defaultNamespace) {
    const out = new Map();
    for (const doc of (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(manifest)) {
        // a repeated key is not an error to helm or the API server; any other YAML error is
        if ('errors' in doc && doc.errors.some((e) => e.code !== 'DUPLICATE_KEY'))
            continue;
        const obj = doc.toJS();
        if (!obj || typeof obj !== 'object' || typeof obj.kind !== 'string')
            continue;
        const meta = (obj.metadata ?? {});
        const name = String(meta.name ?? '');
        const namespace = String(meta.namespace ?? (isClusterScoped(obj.kind) ? '' : defaultNamespace));
        const id = `${obj.kind}/${namespace ? `${namespace}/` : ''}${name}`;
        out.set(id, { id, kind: obj.kind, name, namespace, obj, repeatedKeys: repeatedKeys(doc) });
    }
    return out;
}
/** The keys of the document's DUPLICATE_KEY errors: each the key whose node starts where its error points. */
function repeatedKeys(doc) {
    const at = new Set(doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]));
    if (at.size === 0)
        return [];
    const keys = new Set();
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Pair(_, pair) {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) && at.has(pair.key.range?.[0] ?? -1))
                keys.add(String(pair.key.value));
        },
    });
    return [...keys];
}
const CLUSTER_SCOPED = new Set([
    'ClusterRole',
    'ClusterRoleBinding',
    'CustomResourceDefinition',
    'Namespace',
    'PriorityClass',
    'StorageClass',
    'APIService',
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration',
    'IngressClass',
    'GatewayClass',
    'CiliumClusterwideNetworkPolicy',
    'CiliumLoadBalancerIPPool',
    'CiliumBGPClusterConfig',
]);
function isClusterScoped(kind) {
    return CLUSTER_SCOPED.has(kind);
}


/***/ }),

/***/ 4502:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ renderChart)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _cluster_helm_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1972);
/* harmony import */ var _chart_ref_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8428);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6705);




async function renderChart(helm, req) {
    const r = await helm.exec([
        'template',
        req.release,
        ...(0,_chart_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .chartArgs */ .UQ)(req.chart, req.version),
        '--namespace',
        req.namespace,
        '--values',
        req.valuesFile,
    ]);
    if (r.code !== 0 || r.timedOut) {
        const msg = r.timedOut ? 'timed out' : (0,_cluster_helm_js__WEBPACK_IMPORTED_MODULE_1__/* .helmMessage */ .S)(r.stderr);
        const at = (0,_chart_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .chartAt */ .KP)(req.chart, req.version);
        (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .throwIfDownloadFailure */ .OR)(req.chart, at, r.timedOut, msg);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The chart (${at}) rejected the merged values: ${msg}`, { hint: (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .chartErrorHint */ ._Z)(msg) });
    }
    return r.stdout;
}


/***/ }),

/***/ 7221:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  he: () => (/* binding */ desired),
  et: () => (/* binding */ plan),
  I$: () => (/* binding */ targetVersion)
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
// EXTERNAL MODULE: ./src/chart/render.ts
var render = __webpack_require__(4502);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/report/publish.ts + 1 modules
var publish = __webpack_require__(9429);
// EXTERNAL MODULE: ./src/values/changes.ts
var changes = __webpack_require__(8771);
// EXTERNAL MODULE: ./src/values/consistency.ts
var values_consistency = __webpack_require__(5534);
// EXTERNAL MODULE: ./src/values/enforced.ts
var values_enforced = __webpack_require__(9958);
// EXTERNAL MODULE: ./src/values/merge.ts
var merge = __webpack_require__(1374);
// EXTERNAL MODULE: ./src/values/cidr.ts
var values_cidr = __webpack_require__(1966);
// EXTERNAL MODULE: ./src/values/paths.ts
var paths = __webpack_require__(8614);
;// CONCATENATED MODULE: ./src/values/native-cidr.ts


const LIST_PATH = ['ipam', 'operator', 'clusterPoolIPv4PodCIDRList'];
const LEGACY_PATH = ['ipam', 'operator', 'clusterPoolIPv4PodCIDR'];
/** The cluster-pool pod CIDRs as configured (the list, or the legacy single CIDR), unparsed. */
function podCidrs(values) {
    const list = (0,paths/* getPath */.Yn)(values, LIST_PATH);
    if (Array.isArray(list) && list.length > 0)
        return { cidrs: list.map(String), key: LIST_PATH.join('.') };
    if (typeof list === 'string' && list.trim())
        return { cidrs: list.split(/[\s,]+/).filter(Boolean), key: LIST_PATH.join('.') };
    const legacy = (0,paths/* getPath */.Yn)(values, LEGACY_PATH);
    if (typeof legacy === 'string' && legacy.trim())
        return { cidrs: [legacy.trim()], key: LEGACY_PATH.join('.') };
    return { cidrs: [], key: LIST_PATH.join('.') };
}
/**
 * @param merged values after all layers (the pool the cluster will use)
 * @param input the native-routing-cidr input, already canonical, or undefined
 * @param userLayers to find an ipv4NativeRoutingCIDR the user set in values
 */
function resolveNativeCidr(merged, input, userLayers) {
    const problems = [];
    const pool = podCidrs(merged);
    const pods = [];
    for (const c of pool.cidrs) {
        const p = (0,values_cidr/* parseCidr */.G)(c);
        if (p.ok)
            pods.push(p.cidr);
        else
            problems.push({ input: pool.key, problem: `pod CIDR ${p.problem}`, fix: p.fix });
    }
    const given = givenCidr(input, userLayers, problems);
    if (problems.length > 0)
        return { ok: false, problems };
    const chosen = given ?? derivedCidr(pods, pool.key);
    if ('problem' in chosen)
        return { ok: false, problems: [chosen] };
    const { cidr, source } = chosen;
    for (const pod of pods) {
        if (!(0,values_cidr/* cidrContains */.e)(cidr, pod)) {
            problems.push({
                input: source,
                problem: `${cidr} does not contain the pod CIDR ${pod} (${pool.key}); traffic to those pods would be masqueraded and not routed natively`,
                fix: `use a native routing CIDR that contains ${pod}`,
            });
        }
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, cidr, source, podCidrs: pods };
}
/** The input, else a CIDR the user put in values, which must agree with the input when both are given. */
function givenCidr(input, userLayers, problems) {
    let chosen = input ? { cidr: input, source: 'native-routing-cidr' } : undefined;
    for (const layer of userLayers) {
        const v = (0,paths/* getPath */.Yn)(layer.values, ['ipv4NativeRoutingCIDR']);
        if (v === undefined || v === null)
            continue;
        const p = (0,values_cidr/* parseCidr */.G)(String(v));
        if (!p.ok) {
            problems.push({ input: `${layer.source} (ipv4NativeRoutingCIDR)`, problem: p.problem, fix: p.fix });
        }
        else if (input && p.cidr !== input) {
            problems.push({
                input: layer.source,
                problem: `sets ipv4NativeRoutingCIDR: ${p.cidr}, but native-routing-cidr is ${input}`,
                fix: 'give the CIDR in one place only (native-routing-cidr)',
            });
        }
        else if (!input) {
            chosen = { cidr: p.cidr, source: layer.source };
        }
    }
    return chosen;
}
/** With nothing given: the pod pool's CIDR when it has exactly one. */
function derivedCidr(pods, poolKey) {
    if (pods.length === 1)
        return { cidr: pods[0], source: poolKey };
    if (pods.length === 0) {
        return {
            input: 'native-routing-cidr',
            problem: `is empty and cannot be derived: the release values set no IPAM pod pool (${LIST_PATH.join('.')})`,
            fix: 'set native-routing-cidr to the CIDR that contains every pod CIDR of the cluster, e.g. 100.64.0.0/10',
        };
    }
    return {
        input: 'native-routing-cidr',
        problem: `is empty and the pod pool has ${pods.length} CIDRs (${pods.join(', ')}), so no single one can be derived`,
        fix: 'set native-routing-cidr to a CIDR that contains all of them',
    };
}

;// CONCATENATED MODULE: ./src/values/desired.ts







/** @throws InputError listing every problem */
function buildDesired(input) {
    const problems = [];
    let merged = structuredClone(input.live);
    for (const layer of input.userLayers)
        merged = (0,merge/* mergeValues */.D)(merged, layer.values);
    problems.push(...(0,values_enforced/* enforcedConflicts */.wC)(input.userLayers, input.nativeRoutingCidr, input.profile));
    const native = resolveNativeCidr(merged, input.nativeRoutingCidr, input.userLayers);
    if (!native.ok)
        problems.push(...native.problems);
    const consistency = (0,values_consistency/* checkConsistency */.zV)(merged, input.live, input.nativeRoutingCidr !== undefined);
    problems.push(...consistency.problems);
    if (problems.length > 0 || !native.ok)
        throw new errors/* InputError */.dz(problems);
    const reasons = [];
    for (const r of consistency.removals) {
        (0,paths/* deletePath */.Rq)(merged, r.path);
        reasons.push({ path: r.path, source: 'enforced', why: r.why });
    }
    for (const key of (0,values_enforced/* enforcedKeys */.BZ)(native.cidr, input.profile)) {
        (0,paths/* setPath */.SO)(merged, key.path, key.value);
        reasons.push({ path: key.path, source: 'enforced', why: key.why });
    }
    return {
        values: merged,
        cidr: native.cidr,
        cidrSource: native.source,
        podCidrs: native.podCidrs,
        changes: (0,changes/* diffValues */.I)(input.live, merged, input.userLayers, reasons),
        notes: consistency.notes,
    };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/cluster/helm.ts
var cluster_helm = __webpack_require__(1972);
// EXTERNAL MODULE: ./src/chart/chart-ref.ts
var chart_ref = __webpack_require__(8428);
// EXTERNAL MODULE: ./src/chart/chart-archive.ts
var chart_archive = __webpack_require__(2543);
;// CONCATENATED MODULE: ./src/chart/chart-schema.ts
// What a chart's values.schema.json says about a key: whether it names it, whether it marks it
// deprecated (`deprecated: true`, or a description that says so, with the replacement it names), and
// which JSON types and values it allows there. Pure. The schema is untrusted: `$ref` is followed only
// inside the document and only so deep, patternProperties (regular expressions from the chart) are
// not evaluated, and anything this reader does not understand is read as "no objection" (helm itself
// validates the full schema when it renders).

/** $ref hops and allOf/anyOf/oneOf branches followed from one node. */
const MAX_EXPAND = 64;
const MAX_REF_DEPTH = 16;
const DEPRECATED = /deprecated/i;
const REPLACEMENT = /(?:please use|use|replaced by|in favou?r of)\s+`?([A-Za-z][\w.]*[\w])`?/i;
/** The replacement a deprecation note names ("deprecated: please use X"), if any. */
function replacementIn(text) {
    const at = text.search(DEPRECATED);
    return REPLACEMENT.exec(at >= 0 ? text.slice(at) : text)?.[1];
}
/** @throws when the text is not a JSON object */
function schemaKeys(json) {
    const root = JSON.parse(json);
    if (!(0,paths/* isPlainObject */.Qd)(root))
        throw new Error('values.schema.json is not a JSON object');
    return new Schema(root);
}
class Schema {
    root;
    constructor(root) {
        this.root = root;
    }
    has(path) {
        return this.at(path).length > 0;
    }
    deprecation(path) {
        for (const n of this.at(path).flatMap((x) => this.expand(x))) {
            const description = typeof n.description === 'string' ? n.description.trim() : '';
            if (n.deprecated !== true && !DEPRECATED.test(description))
                continue;
            const text = description ? `values.schema.json: ${description.split('\n')[0]}` : 'values.schema.json: deprecated: true';
            const replacement = replacementIn(description);
            return replacement ? { text, replacement } : { text };
        }
        return undefined;
    }
    typeProblem(path, value) {
        const nodes = this.at(path);
        if (nodes.length === 0 || nodes.some((n) => this.allows(n, value, 0)))
            return undefined;
        const allowed = nodes.map((n) => describe(n, (x) => this.expand(x))).join(' or ');
        return `values.schema.json allows ${allowed} at ${(0,paths/* formatPath */.jV)(path)}, not ${JSON.stringify(value)}`;
    }
    /** A local $ref's target; a remote one is never fetched and says nothing here. */
    resolve(ref) {
        if (!ref.startsWith('#'))
            return undefined;
        let node = this.root;
        for (const raw of ref
            .slice(1)
            .split('/')
            .filter((s) => s !== '')) {
            const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
            if (!(0,paths/* isPlainObject */.Qd)(node) || !Object.hasOwn(node, key))
                return undefined;
            node = node[key];
        }
        return (0,paths/* isPlainObject */.Qd)(node) ? node : undefined;
    }
    /** The node and every node it stands for through $ref and allOf/anyOf/oneOf (alternatives as a union). */
    expand(node) {
        const out = [];
        const visit = (n, depth) => {
            if (out.length >= MAX_EXPAND || depth > MAX_REF_DEPTH || out.includes(n))
                return;
            out.push(n);
            if (typeof n.$ref === 'string') {
                const target = this.resolve(n.$ref);
                if (target)
                    visit(target, depth + 1);
            }
            for (const k of ['allOf', 'anyOf', 'oneOf']) {
                const list = n[k];
                if (Array.isArray(list))
                    for (const b of list)
                        if ((0,paths/* isPlainObject */.Qd)(b))
                            visit(b, depth + 1);
            }
        };
        visit(node, 0);
        return out;
    }
    /** The schema nodes that describe the key at path (empty when the schema does not name it). */
    at(path) {
        let nodes = [this.root];
        for (const key of path) {
            nodes = nodes
                .flatMap((n) => this.expand(n))
                .map((n) => ((0,paths/* isPlainObject */.Qd)(n.properties) && Object.hasOwn(n.properties, key) ? n.properties[key] : undefined))
                .filter(paths/* isPlainObject */.Qd);
            if (nodes.length === 0)
                return [];
        }
        return nodes;
    }
    /** Whether the node allows value: type, enum and const, through $ref and allOf (all) / anyOf, oneOf (any). */
    allows(n, value, depth) {
        if (depth > MAX_REF_DEPTH)
            return true;
        if (!typeAllows(n.type, value))
            return false;
        if (Array.isArray(n.enum) && !n.enum.some((e) => sameValue(e, value)))
            return false;
        if (Object.hasOwn(n, 'const') && !sameValue(n.const, value))
            return false;
        const target = typeof n.$ref === 'string' ? this.resolve(n.$ref) : undefined;
        if (target && !this.allows(target, value, depth + 1))
            return false;
        const branches = (k) => (Array.isArray(n[k]) ? n[k].filter(paths/* isPlainObject */.Qd) : []);
        if (!branches('allOf').every((b) => this.allows(b, value, depth + 1)))
            return false;
        for (const k of ['anyOf', 'oneOf']) {
            const bs = branches(k);
            if (bs.length > 0 && !bs.some((b) => this.allows(b, value, depth + 1)))
                return false;
        }
        return true;
    }
}
function jsonType(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'array';
    if (typeof v === 'number')
        return Number.isInteger(v) ? 'integer' : 'number';
    return typeof v;
}
function typeAllows(type, value) {
    const types = typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((t) => typeof t === 'string') : undefined;
    if (!types || types.length === 0)
        return true;
    const t = jsonType(value);
    return types.some((x) => x === t || (x === 'number' && t === 'integer'));
}
function sameValue(a, b) {
    return a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));
}
/** What a node allows, in words (`boolean`, `"spire" or "internal"`). */
function describe(n, expand) {
    const parts = [];
    for (const x of expand(n)) {
        if (Array.isArray(x.enum))
            parts.push(x.enum.map((e) => JSON.stringify(e)).join(' or '));
        else if (Object.hasOwn(x, 'const'))
            parts.push(JSON.stringify(x.const));
        else if (typeof x.type === 'string')
            parts.push(x.type);
        else if (Array.isArray(x.type))
            parts.push(x.type.filter((t) => typeof t === 'string').join(' or '));
    }
    return [...new Set(parts)].join(' or ') || 'another value';
}

;// CONCATENATED MODULE: ./src/chart/chart-keys.ts
// What a chart says about its keys: which exist, and which its helm-docs comments
// (`# -- … (deprecated: please use X)`) mark deprecated, with the replacement they name; read from
// its values.yaml and, where the chart has one, its values.schema.json (see chart-schema.ts). Pure.



const chart_keys_DEPRECATED = /deprecated/i;
function chartKeys(valuesYaml, schema) {
    const keys = new Set();
    const deprecations = new Map();
    const walk = (map, prefix) => {
        map.items.forEach((pair, i) => {
            if (!(0,dist/* isScalar */.jn)(pair.key))
                return;
            const path = [...prefix, String(pair.key.value)];
            const name = (0,paths/* formatPath */.jV)(path);
            keys.add(name);
            // helm-docs comments sit before the key; the yaml parser hangs the first item's on the map
            const comment = pair.key.commentBefore ?? (i === 0 ? map.commentBefore : undefined);
            if (comment && chart_keys_DEPRECATED.test(comment)) {
                const line = comment
                    .split('\n')
                    .find((l) => chart_keys_DEPRECATED.test(l))
                    .replace(/^\s*--\s*/, '')
                    .trim();
                const replacement = replacementIn(line);
                deprecations.set(name, replacement ? { text: line, replacement } : { text: line });
            }
            if ((0,dist/* isMap */.jh)(pair.value))
                walk(pair.value, path);
        });
    };
    const doc = (0,dist/* parseDocument */.Tp)(valuesYaml);
    if ((0,dist/* isMap */.jh)(doc.contents))
        walk(doc.contents, []);
    return {
        has: (path) => keys.has((0,paths/* formatPath */.jV)(path)) || (schema?.has(path) ?? false),
        deprecation: (path) => deprecations.get((0,paths/* formatPath */.jV)(path)) ?? schema?.deprecation(path),
        typeProblem: (path, value) => schema?.typeProblem(path, value),
    };
}

// EXTERNAL MODULE: ./src/chart/errors.ts
var chart_errors = __webpack_require__(6705);
;// CONCATENATED MODULE: ./src/chart/chart-values.ts
// The target chart's own values.yaml and values.schema.json, for the recipe to follow the chart.
// helm has no `show` for the schema: a local chart (folder or .tgz) is read in place (values.yaml
// with `helm show values`), a repository or OCI chart is pulled once (`helm pull`, the same
// arguments as every other helm command) into a temporary folder and both files read from its archive.










/** Cilium's schema is about 170 KiB; a schema past this is not read (helm still validates against it). */
const MAX_SCHEMA_BYTES = 4 * 1024 * 1024;
/** The chart's values.yaml for a local chart: helm reads it in place. */
async function localValuesYaml(helm, chart, version) {
    const r = await helm.exec(['show', 'values', ...(0,chart_ref/* chartArgs */.UQ)(chart, version)], { quiet: true });
    if (r.code !== 0 || r.timedOut)
        throw valuesUnread(chart, version, r.timedOut ? 'timed out' : (0,cluster_helm/* helmMessage */.S)(r.stderr), r.timedOut);
    return r.stdout;
}
/** values.yaml could not be read: a download failure says so, anything else names the chart. */
function valuesUnread(chart, version, msg, timedOut = false) {
    const at = (0,chart_ref/* chartAt */.KP)(chart, version);
    (0,chart_errors/* throwIfDownloadFailure */.OR)(chart, at, timedOut, msg);
    return new errors/* ActionError */.lZ(`Could not read the values.yaml of ${at}: ${msg}`);
}
/**
 * What the target chart says about its keys: values.yaml, and values.schema.json where the chart has
 * one. A schema that cannot be read is a warning, not a failure: helm validates against it anyway.
 * A repository or OCI chart is pulled once and both files are read from its archive.
 */
async function targetChartKeys(helm, chart, version) {
    if (chart.kind === 'local') {
        return followable(await localValuesYaml(helm, chart, version), () => (0,chart_archive/* readChartFile */.PP)(chart.path, SCHEMA, MAX_SCHEMA_BYTES), chart, version);
    }
    const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(external_node_os_default().tmpdir(), 'cnra-chart-'));
    try {
        const r = await helm.exec(['pull', ...(0,chart_ref/* chartArgs */.UQ)(chart, version), '--destination', dir], { quiet: true });
        if (r.code !== 0 || r.timedOut)
            throw valuesUnread(chart, version, r.timedOut ? 'timed out' : (0,cluster_helm/* helmMessage */.S)(r.stderr), r.timedOut);
        const file = (0,external_node_fs_.readdirSync)(dir).find((f) => f.endsWith('.tgz'));
        if (!file)
            throw valuesUnread(chart, version, 'helm pull wrote no chart archive');
        const archive = external_node_path_default().join(dir, file);
        let valuesYaml;
        try {
            // a chart without values.yaml has none to follow, as `helm show values` prints nothing for it
            valuesYaml = (0,chart_archive/* readChartFile */.PP)(archive, 'values.yaml', chart_archive/* MAX_ARCHIVE_BYTES */.Ip) ?? '';
        }
        catch (e) {
            throw valuesUnread(chart, version, (0,errors/* errorMessage */.gJ)(e));
        }
        return followable(valuesYaml, () => (0,chart_archive/* readChartFile */.PP)(archive, SCHEMA, MAX_SCHEMA_BYTES), chart, version);
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
const SCHEMA = 'values.schema.json';
function followable(valuesYaml, readSchema, chart, version) {
    const warnings = [];
    let schema;
    try {
        const json = readSchema();
        if (json !== undefined)
            schema = schemaKeys(json);
    }
    catch (e) {
        warnings.push(`The values.schema.json of ${(0,chart_ref/* chartAt */.KP)(chart, version)} was not read (${(0,errors/* errorMessage */.gJ)(e)}): the recipe follows its values.yaml alone`);
    }
    return { keys: chartKeys(valuesYaml, schema), warnings };
}

;// CONCATENATED MODULE: ./src/values/follow-chart.ts


const STRICT = ['encryption', 'strictMode'];
const STRICT_KEYS = ['enabled', 'cidr', 'allowRemoteNodeIdentities'];
const NODE_ENCRYPTION = ['encryption', 'nodeEncryption'];
/** the strict-mode keys in both spellings: whichever the values hold after translation is checked */
const STRICT_PATHS = STRICT_KEYS.flatMap((k) => [
    [...STRICT, k],
    [...STRICT, 'egress', k],
]);
/** Keys the recipe sets only where the chart has them. */
const CHART_OPTIONAL_KEYS = [
    {
        path: ['configDriftDetection', 'enabled'],
        value: true,
        why: 'agents reflect cilium-config, so the drift checker can tell which agent runs an older config',
    },
    {
        path: ['configDriftDetection', 'driftChecker'],
        value: true,
        why: 'exports cilium_drift_checker_config_delta, which the config-delta check reads',
    },
];
function followChart(values, input) {
    const out = structuredClone(values);
    const r = { values: out, adjustments: [], warnings: [], notRequired: [], nodeEncryption: true, typeProblems: [] };
    const chartName = `chart ${input.chartVersion ?? '(local)'}`;
    const set = (path, value, why, chartLacks = false) => {
        const before = (0,paths/* hasPath */.a6)(out, path) ? (0,paths/* getPath */.Yn)(out, path) : undefined;
        if (before === value)
            return;
        if (value === undefined)
            (0,paths/* deletePath */.Rq)(out, path);
        else
            (0,paths/* setPath */.SO)(out, path, value);
        r.adjustments.push({ path: [...path], before, after: value, why, ...(chartLacks ? { chartLacks: true } : {}) });
    };
    /** An optional setting the schema refuses is left out, with a warning. */
    const refused = (path, value) => {
        const problem = input.chart.typeProblem(path, value);
        if (problem)
            r.warnings.push(`${chartName}: ${problem}; the action leaves ${(0,paths/* formatPath */.jV)(path)} unset`);
        return problem !== undefined;
    };
    translateStrictMode(out, input.chart, chartName, set);
    for (const k of CHART_OPTIONAL_KEYS)
        if (input.chart.has(k.path) && !refused(k.path, k.value))
            set(k.path, k.value, k.why);
    const fromPool = ['nativeRoutingCIDRFromClusterPool'];
    if (input.cidrFromPool && input.chart.has(fromPool) && !refused(fromPool, true)) {
        const why = `${chartName} derives the native routing CIDR from the single cluster-pool CIDR itself`;
        set(fromPool, true, why);
        set(['ipv4NativeRoutingCIDR'], undefined, why);
    }
    const enforced = (0,values_enforced/* enforcedKeys */.BZ)('', input.profile);
    for (const key of enforced) {
        if ((0,paths/* formatPath */.jV)(key.path) === 'ipv4NativeRoutingCIDR')
            continue;
        if (!input.chart.has(key.path)) {
            set(key.path, undefined, missingWhy(key.path, chartName), true);
            if ((0,paths/* formatPath */.jV)(key.path) === (0,paths/* formatPath */.jV)(NODE_ENCRYPTION)) {
                r.notRequired.push('encrypt-node');
                r.nodeEncryption = false;
            }
            continue;
        }
        const dep = input.chart.deprecation(key.path);
        if (dep)
            r.warnings.push(`${chartName} marks ${(0,paths/* formatPath */.jV)(key.path)} deprecated${dep.replacement ? `; its replacement is ${dep.replacement}` : ''} (${dep.text}). The action still sets it while the chart has it.`);
    }
    // what the recipe sets or translates, as it will reach helm
    for (const path of [...enforced.map((k) => k.path), ...STRICT_PATHS]) {
        if (!(0,paths/* hasPath */.a6)(out, path))
            continue;
        const problem = input.chart.typeProblem(path, (0,paths/* getPath */.Yn)(out, path));
        if (problem)
            r.typeProblems.push(`${chartName}: ${problem}`);
    }
    return r;
}
function missingWhy(path, chartName) {
    const name = (0,paths/* formatPath */.jV)(path);
    if (name === (0,paths/* formatPath */.jV)(NODE_ENCRYPTION)) {
        // cilium#47219 deprecates WireGuard node encryption for removal in v1.22 with no successor ("please
        // reach out if you are interested to maintain this feature"); cilium#47365 removes it. Without it
        // WireGuard encrypts pod-to-remote-pod traffic only (Cilium's WireGuard guide, "Which traffic is
        // encrypted": pod↔remote node, node↔remote node and, with native routing, service traffic
        // forwarded from another node are node-to-node mode only).
        return `not set: ${chartName} has no ${name} (deprecated in cilium#47219, removed by cilium#47365). Pod-to-pod traffic between nodes stays encrypted by WireGuard; nothing replaces node encryption, so traffic from or to the nodes themselves (host network, pod-to-node, node-to-pod, and NodePort or LoadBalancer traffic forwarded between nodes) is no longer encrypted, and the agents are not required to report NodeEncryption: Enabled`;
    }
    return `not set: ${chartName} has no ${name}`;
}
/**
 * encryption.strictMode.{enabled,cidr,allowRemoteNodeIdentities} became strictMode.egress.* in 1.19;
 * 1.20 silently ignores the old keys (cilium#45452). Whichever side the chart has, values given on
 * the other side are moved to it.
 */
function translateStrictMode(out, chart, chartName, set) {
    const chartHasEgress = chart.has([...STRICT, 'egress', 'enabled']);
    const chartHasOld = chart.has([...STRICT, 'enabled']);
    if (chartHasEgress === chartHasOld && chartHasEgress) {
        // 1.19 has both: the old ones are deprecated aliases; move them anyway so 1.20 will not ignore them
    }
    else if (!chartHasEgress && !chartHasOld)
        return;
    const toEgress = chartHasEgress;
    for (const k of STRICT_KEYS) {
        const from = toEgress ? [...STRICT, k] : [...STRICT, 'egress', k];
        const to = toEgress ? [...STRICT, 'egress', k] : [...STRICT, k];
        if (!(0,paths/* hasPath */.a6)(out, from))
            continue;
        const value = (0,paths/* getPath */.Yn)(out, from);
        const why = `renamed: ${chartName} spells ${(0,paths/* formatPath */.jV)(from)} as ${(0,paths/* formatPath */.jV)(to)}${toEgress ? ' (1.19 renamed it; 1.20 ignores the old key, cilium#45452)' : ' (before 1.19)'}`;
        set(from, undefined, why);
        if (!(0,paths/* hasPath */.a6)(out, to))
            set(to, value, why);
    }
    for (const p of [[...STRICT, 'egress'], STRICT]) {
        const v = (0,paths/* getPath */.Yn)(out, p);
        if ((0,paths/* isPlainObject */.Qd)(v) && Object.keys(v).length === 0)
            (0,paths/* deletePath */.Rq)(out, p);
    }
}

;// CONCATENATED MODULE: ./src/steps/follow-chart.ts





async function followTargetChart(ctx, helm, desired, chartVersion) {
    const { keys, warnings } = await targetChartKeys(helm, ctx.config.chart, chartVersion);
    ctx.report.warnings.push(...warnings);
    const r = followChart(desired.values, {
        chart: keys,
        chartVersion,
        cidrFromPool: desired.cidrSource.startsWith('ipam.operator.') && desired.podCidrs.length === 1,
        profile: ctx.config.profile,
    });
    if (r.typeProblems.length > 0) {
        throw new errors/* ActionError */.lZ(`The target chart's values.schema.json refuses values the recipe sets: ${r.typeProblems.join('; ')}`, {
            hint: 'If your values (values, values-files) set one of these keys, give it the type the schema names; otherwise this chart version changed the key and the action does not support it yet.',
        });
    }
    desired.values = r.values;
    const source = `chart ${chartVersion ?? '(local)'}`;
    for (const a of r.adjustments) {
        const key = (0,paths/* formatPath */.jV)(a.path);
        const i = desired.changes.findIndex((c) => c.key === key);
        // `before` of a change is the live value; a key not yet changed had the live value in desired
        const live = i >= 0 ? desired.changes[i].before : a.before;
        if (i >= 0)
            desired.changes.splice(i, 1);
        if (!(0,changes/* equalValues */.b)(live, a.after)) {
            const c = { key, path: a.path, before: live, after: a.after, source, why: a.why };
            if (a.chartLacks)
                c.inert = true;
            desired.changes.push(c);
        }
        if (a.why.startsWith('not set:') || a.why.startsWith('renamed:'))
            ctx.report.notes.push(`${key}: ${a.why}`);
    }
    desired.changes.sort((x, y) => x.key.localeCompare(y.key));
    ctx.report.warnings.push(...r.warnings);
    return { keys, notRequired: r.notRequired, nodeEncryption: r.nodeEncryption };
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/values/upgrade-path.ts
// Cilium's upgrade rule: one minor version at a time (1.18 → 1.19 → 1.20), because each release's
// agents and operator migrate state written by the previous minor only.

/** A problem when target is more than one minor ahead of installed (same major), else undefined. */
function skipMinorProblem(installed, target) {
    const from = installed ? semver_default().coerce(installed) : null;
    const to = target ? semver_default().coerce(target) : null;
    if (!from || !to || to.major !== from.major || to.minor - from.minor <= 1)
        return undefined;
    const next = `${from.major}.${from.minor + 1}`;
    return {
        input: 'cilium-version',
        problem: `${target} is ${to.minor - from.minor} minor versions ahead of the installed ${installed}, and Cilium upgrades one minor version at a time`,
        fix: `upgrade to the latest ${next}.x first (run the action with cilium-version set to it), then to ${target}; or set allow-skip-minor: true to take the risk`,
    };
}

;// CONCATENATED MODULE: ./src/chart/agent-api-server.ts
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The env entries of the rendered agent container (empty when there is none). */
function agentEnv(objects, namespace) {
    const ds = objects.get(`DaemonSet/${namespace}/cilium`);
    const spec = ds && isObj(ds.obj.spec) && isObj(ds.obj.spec.template) && isObj(ds.obj.spec.template.spec) ? ds.obj.spec.template.spec : {};
    const agent = (Array.isArray(spec.containers) ? spec.containers.filter(isObj) : []).find((c) => c.name === 'cilium-agent');
    return agent && Array.isArray(agent.env) ? agent.env.filter(isObj) : [];
}
/**
 * Why the rendered agents could not reach the API server, or undefined. `auto` (chart 1.19+) lets
 * the agents read the address from the cluster themselves, so no variable is rendered for it.
 */
function agentApiServerProblem(objects, config, namespace, k8sServiceHost) {
    if (config['kube-proxy-replacement'] !== 'true' || k8sServiceHost === 'auto')
        return undefined;
    const host = agentEnv(objects, namespace).find((e) => e.name === 'KUBERNETES_SERVICE_HOST');
    if (!host)
        return 'kube-proxy replacement is on, but the rendered cilium-agent container has no KUBERNETES_SERVICE_HOST';
    const fromRef = isObj(host.valueFrom);
    if (!fromRef && (typeof host.value !== 'string' || host.value.trim() === '')) {
        return 'kube-proxy replacement is on, but the rendered cilium-agent container sets KUBERNETES_SERVICE_HOST to an empty value';
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/chart/is-cilium.ts
const is_cilium_isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Why the rendered objects are not Cilium's, or undefined when they are. */
function notCiliumReason(objects, namespace) {
    const ds = objects.get(`DaemonSet/${namespace}/cilium`);
    if (!ds)
        return `it renders no DaemonSet ${namespace}/cilium (the Cilium agent)`;
    const spec = is_cilium_isObj(ds.obj.spec) && is_cilium_isObj(ds.obj.spec.template) && is_cilium_isObj(ds.obj.spec.template.spec) ? ds.obj.spec.template.spec : {};
    const containers = Array.isArray(spec.containers) ? spec.containers.filter(is_cilium_isObj) : [];
    const agent = containers.find((c) => c.name === 'cilium-agent');
    if (!agent)
        return `its DaemonSet ${namespace}/cilium has no cilium-agent container`;
    // quay.io/cilium/cilium:v1.18.6@sha256:…, or a mirror's …/cilium/cilium: the repository's last part
    const repo = typeof agent.image === 'string' ? (agent.image.split('@')[0].split('/').pop() ?? '').split(':')[0] : '';
    if (!/^cilium/.test(repo)) {
        return `its cilium-agent container runs ${JSON.stringify(String(agent.image))}, not a Cilium image`;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/chart/manifest.ts
var chart_manifest = __webpack_require__(9127);
;// CONCATENATED MODULE: ./src/chart/config-duplicates.ts
// Keys the rendered cilium-config holds twice. The chart copies `extraConfig` into the ConfigMap
// verbatim, after its own keys: a key it already writes then appears twice. helm renders and applies
// that without a word, and the API server keeps the later value (extraConfig's), as parseManifest
// does; the summary should say so, and an enforced key overridden this way should be named as
// extraConfig's doing.


const CILIUM_CONFIG = /^kind: ConfigMap$[\s\S]*^ {2}name: cilium-config$/m;
/** a key is printed at most this long: it comes from the user's values */
const MAX_KEY = 100;
/** The keys the cilium-config of a parsed manifest holds more than once, in order, cut for printing. */
function repeatedConfigKeys(objects, namespace) {
    return [...new Set(((0,cilium_config/* ciliumConfigObject */.RI)(objects, namespace)?.repeatedKeys ?? []).map((k) => k.slice(0, MAX_KEY)))];
}
/** The problem with the cilium-config document of a rendered manifest when it is not YAML at all. */
function unreadableCiliumConfig(manifest) {
    for (const doc of (0,dist/* parseAllDocuments */.hR)(manifest)) {
        const error = 'errors' in doc ? doc.errors.find((e) => e.code !== 'DUPLICATE_KEY') : undefined;
        if (error && CILIUM_CONFIG.test(manifest.slice(doc.range[0], doc.range[2])))
            return `it is not valid YAML (${error.message.split('\n')[0]})`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/steps/plan.ts
// The desired state, computed the same way for preview, apply and drift:
// live values → merge → write the values file → render with the real chart → check cilium-config.
// Each part returns what it found (chart version, CIDR, values file, plan); modes/desired.ts records them.














/** The chart version to render and upgrade to: a local chart's own, else cilium-version, else the one installed. */
function chartVersionFor(ctx, installed) {
    return ctx.config.localChartVersion ?? ctx.config.ciliumVersion ?? installed;
}
/** Refuses an upgrade that skips a minor version (drift only compares, so it is never refused). */
function checkUpgradePath(ctx, installed, version) {
    const skip = ctx.config.mode === 'drift' || ctx.config.allowSkipMinor ? undefined : skipMinorProblem(installed, version);
    if (skip)
        throw new errors/* InputError */.dz([skip]);
}
/** The merged, checked values (pure; throws InputError before anything touches a cluster). */
function desiredFor(ctx, live) {
    const desired = buildDesired({
        live,
        userLayers: ctx.config.userLayers,
        nativeRoutingCidr: ctx.config.nativeRoutingCidr,
        profile: ctx.config.profile,
    });
    // notes and warnings are the run's running commentary, appended as found
    ctx.report.notes.push(...desired.notes);
    return desired;
}
/** Fits the desired values to the target chart and writes them to the values file. */
async function writeDesired(ctx, helm, desired, chartVersion) {
    const { config } = ctx;
    const followed = await followTargetChart(ctx, helm, desired, chartVersion);
    ctx.nodeEncryption = followed.nodeEncryption;
    const valuesFile = external_node_path_default().join((0,publish/* workDir */.H)(config.runnerTemp), `${config.release}-values.yaml`);
    (0,external_node_fs_.writeFileSync)(valuesFile, (0,dist/* stringify */.As)(desired.values, { lineWidth: 0 }), { mode: 0o600 });
    return { desired, chartVersion, followed, valuesFile };
}
/** The rendered cilium-config; a manifest without one (or with one YAML cannot read) stops the run. */
function readRenderedConfig(manifest, objects, namespace) {
    const rendered = (0,cilium_config/* configDataOf */.YE)((0,cilium_config/* ciliumConfigObject */.RI)(objects, namespace));
    if (rendered)
        return rendered;
    const unreadable = unreadableCiliumConfig(manifest);
    if (unreadable) {
        throw new errors/* ActionError */.lZ(`The rendered ConfigMap ${namespace}/cilium-config cannot be read: ${unreadable}`, {
            hint: 'The chart copies extraConfig into cilium-config verbatim: check the keys and values under extraConfig in values and values-files.',
        });
    }
    throw new errors/* ActionError */.lZ(`The rendered chart has no ConfigMap ${namespace}/cilium-config`, { hint: 'Is chart really the Cilium chart?' });
}
/** Renders the chart with the values file and checks the rendered cilium-config. */
async function renderDesired(ctx, helm, written) {
    const { config } = ctx;
    const { desired, chartVersion, followed, valuesFile } = written;
    const manifest = await (0,render/* renderChart */.x)(helm, {
        chart: config.chart,
        version: chartVersion,
        release: config.release,
        namespace: config.namespace,
        valuesFile,
    });
    const objects = (0,chart_manifest/* parseManifest */.N)(manifest, config.namespace);
    const notCilium = notCiliumReason(objects, config.namespace);
    if (notCilium) {
        throw new errors/* ActionError */.lZ(`The chart is not the Cilium chart: ${notCilium}`, {
            hint: 'Give the Cilium chart (chart: cilium from https://helm.cilium.io, its .tgz, or a mirror of it).',
        });
    }
    const rendered = readRenderedConfig(manifest, objects, config.namespace);
    const apiServer = agentApiServerProblem(objects, rendered, config.namespace, desired.values.k8sServiceHost);
    if (apiServer) {
        throw new errors/* ActionError */.lZ(`The chart rendered agents that could not reach the API server: ${apiServer}`, {
            hint: 'Set k8sServiceHost (the AKS API server FQDN) and k8sServicePort: 443, or kubeProxyReplacement: false.',
        });
    }
    const mismatches = (0,cilium_config/* checkConfig */.l2)(rendered, (0,cilium_config/* requiredConfig */.Ie)(desired.cidr, config.profile)).filter((m) => !followed.notRequired.includes(m.key));
    const what = `native routing with ${config.profile === 'bgp' ? 'BGP' : 'WireGuard'}`;
    const said = (ms) => ms
        .map((m) => `${m.key} is ${m.actual === undefined ? 'missing' : JSON.stringify(m.actual)}, expected ${JSON.stringify(m.expected)}`)
        .join('; ');
    const repeated = repeatedConfigKeys(objects, config.namespace);
    const overridden = mismatches.filter((m) => repeated.includes(m.key));
    if (overridden.length > 0) {
        throw new errors/* ActionError */.lZ(`values: extraConfig overrides what the chart writes into cilium-config for ${what}: ${said(overridden)}`, {
            hint: `Fix: remove ${overridden.map((m) => m.key).join(', ')} from extraConfig (in values or values-files); the action sets ${overridden.length > 1 ? 'them' : 'it'} through the chart's own values.`,
        });
    }
    if (mismatches.length > 0) {
        throw new errors/* ActionError */.lZ(`The chart rendered a cilium-config that is not ${what}: ${said(mismatches)}`, {
            hint: 'This chart version may spell these settings differently; use a supported chart (1.16 or later).',
        });
    }
    for (const key of repeated)
        ctx.report.warnings.push(`cilium-config gets ${JSON.stringify(key)} twice, from the chart and from extraConfig: the agents read extraConfig's value (the later one).`);
    return { desired, valuesFile, chartVersion, manifest, config: rendered, chart: followed.keys };
}

;// CONCATENATED MODULE: ./src/modes/desired.ts

/** The chart version to deploy; recorded before the upgrade path is checked, so a refusal names it. */
function targetVersion(ctx, installed) {
    const version = chartVersionFor(ctx, installed);
    ctx.report.chartVersion = version;
    checkUpgradePath(ctx, installed, version);
    return version;
}
/** The merged, checked values; their native routing CIDR recorded. */
function desired(ctx, live) {
    const d = desiredFor(ctx, live);
    ctx.report.cidr = d.cidr;
    return d;
}
/** The values file written and recorded (a render that fails still names it), then the chart rendered. */
async function plan(ctx, helm, wanted, version) {
    const written = await writeDesired(ctx, helm, wanted, version);
    ctx.report.valuesFile = written.valuesFile;
    return renderDesired(ctx, helm, written);
}


/***/ }),

/***/ 8771:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ diffValues),
/* harmony export */   b: () => (/* binding */ equalValues)
/* harmony export */ });
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8614);

/**
 * Leaf-level differences between two values trees. `reasons` (enforced keys, removals) explain the
 * keys they name; any other change is attributed to the last user layer that sets the key.
 */
function diffValues(before, after, layers, reasons = []) {
    const keys = new Map();
    for (const [p] of [...(0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .leaves */ .FQ)(before), ...(0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .leaves */ .FQ)(after)])
        if (p.length > 0)
            keys.set(JSON.stringify(p), p);
    const changes = [];
    for (const path of keys.values()) {
        const b = (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .hasPath */ .a6)(before, path) ? (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .getPath */ .Yn)(before, path) : undefined;
        const a = (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .hasPath */ .a6)(after, path) ? (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .getPath */ .Yn)(after, path) : undefined;
        if (equalValues(b, a))
            continue;
        // A key that turned from a leaf into a map (or back) shows as its leaves; skip the map side.
        if ((0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(a) && Object.keys(a).length > 0)
            continue;
        if ((0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(b) && Object.keys(b).length > 0)
            continue;
        const reason = reasons.find((r) => startsWith(path, r.path));
        let source = 'live release';
        let why = 'kept from the live release';
        if (reason) {
            source = reason.source;
            why = reason.why;
        }
        else {
            const layer = [...layers].reverse().find((l) => hasPathOrAncestor(l.values, path));
            if (layer) {
                source = layer.source;
                why = a === undefined ? `removed by ${layer.source}` : `set by ${layer.source}`;
            }
        }
        changes.push({ key: (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPath */ .jV)(path), path, before: b, after: a, source, why });
    }
    return changes.sort((x, y) => x.key.localeCompare(y.key));
}
function startsWith(path, prefix) {
    return prefix.length <= path.length && prefix.every((k, i) => path[i] === k);
}
function hasPathOrAncestor(values, path) {
    for (let i = path.length; i > 0; i--) {
        const p = path.slice(0, i);
        if ((0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .hasPath */ .a6)(values, p) && (i === path.length || !(0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)((0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .getPath */ .Yn)(values, p))))
            return true;
    }
    return false;
}
function equalValues(a, b) {
    if (a === b)
        return true;
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((x, i) => equalValues(x, b[i]));
    if ((0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(a) && (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(b)) {
        const ka = Object.keys(a);
        const kb = Object.keys(b);
        return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && equalValues(a[k], b[k]));
    }
    return false;
}


/***/ }),

/***/ 5534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hi: () => (/* binding */ LEGACY_KEYS),
/* harmony export */   Jp: () => (/* binding */ legacyRemovals),
/* harmony export */   zV: () => (/* binding */ checkConsistency)
/* harmony export */ });
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8614);

/** Keys the action drops from the release's values itself (the chart hint must not ask the user to). */
const LEGACY_KEYS = ['tunnel'];
/**
 * Legacy keys in the release's values (or base-values) to drop, with why. `tunnel` was replaced by
 * routingMode/tunnelProtocol in 1.14 and is rejected by charts since 1.15.
 */
function legacyRemovals(live) {
    const tunnel = (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .getPath */ .Yn)(live, ['tunnel']);
    if (tunnel === undefined || tunnel === null)
        return [];
    return [
        {
            path: ['tunnel'],
            why: `the live release sets the legacy tunnel: ${JSON.stringify(tunnel)}, which contradicts native routing; it is removed (routingMode: native replaces it, and charts since 1.15 reject the key)`,
        },
    ];
}
const truthy = (v) => v === true || (typeof v === 'string' && ['true', 'strict'].includes(v.toLowerCase()));
/**
 * @param merged values after every layer
 * @param live the live release values (what the user did not write themselves)
 * @param nativeCidrGiven whether native-routing-cidr was given explicitly
 */
function checkConsistency(merged, live, nativeCidrGiven) {
    const problems = [];
    const notes = [];
    const removals = [];
    if (truthy((0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .getPath */ .Yn)(merged, ['ipv6', 'enabled'])) && !(0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .getPath */ .Yn)(merged, ['ipv6NativeRoutingCIDR'])) {
        problems.push({
            input: 'values',
            problem: 'ipv6.enabled is true but ipv6NativeRoutingCIDR is not set: with native routing, IPv6 pod traffic would have no native route',
            fix: 'set ipv6NativeRoutingCIDR to the IPv6 pod CIDR, or ipv6.enabled: false',
        });
    }
    const ipamMode = (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .getPath */ .Yn)(merged, ['ipam', 'mode']);
    if (ipamMode !== undefined && ipamMode !== 'cluster-pool') {
        const msg = `ipam.mode is ${JSON.stringify(ipamMode)}, not cluster-pool: this action derives and checks the native routing CIDR from the cluster pool`;
        if (nativeCidrGiven)
            notes.push(`${msg}; using native-routing-cidr as given, without checking it against the pod CIDRs.`);
        else
            problems.push({
                input: 'native-routing-cidr',
                problem: msg,
                fix: 'set native-routing-cidr to the CIDR that contains every pod CIDR, or use ipam.mode: cluster-pool (the AKS BYOCNI default)',
            });
    }
    if (truthy((0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .getPath */ .Yn)(merged, ['kubeProxyReplacement'])) &&
        !(0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .getPath */ .Yn)(merged, ['k8sServiceHost']) &&
        !(0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .getPath */ .Yn)(merged, ['k8sServiceHostRef'])) {
        problems.push({
            input: 'values',
            problem: 'kubeProxyReplacement is true but k8sServiceHost is not set: without kube-proxy the restarted agents cannot reach the API server',
            fix: 'set k8sServiceHost (the AKS API server FQDN) and k8sServicePort: 443, or kubeProxyReplacement: false',
        });
    }
    removals.push(...legacyRemovals(live));
    const protocol = (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .getPath */ .Yn)(merged, ['tunnelProtocol']);
    if (typeof protocol === 'string' && protocol !== '') {
        notes.push(`tunnelProtocol: ${protocol} is kept as it is, but is unused with routingMode: native (no pod traffic is encapsulated).`);
    }
    return { problems, notes, removals };
}


/***/ }),

/***/ 1374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ mergeValues)
/* harmony export */ });
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8614);

function mergeValues(base, over) {
    const out = structuredClone(base);
    for (const [k, v] of Object.entries(over)) {
        if (v === null) {
            delete out[k];
        }
        else if ((0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(v) && (0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(out[k])) {
            out[k] = mergeValues(out[k], v);
        }
        else {
            out[k] = structuredClone(stripNulls(v));
        }
    }
    return out;
}
function stripNulls(v) {
    if (!(0,_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Qd)(v))
        return v;
    const out = {};
    for (const [k, x] of Object.entries(v))
        if (x !== null)
            out[k] = stripNulls(x);
    return out;
}


/***/ })

};

//# sourceMappingURL=221.index.js.map