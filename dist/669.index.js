export const id = 669;
export const ids = [669];
export const modules = {

/***/ 363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ bgpAgentExpectation),
/* harmony export */   s: () => (/* binding */ BGP_WIREGUARD_NOTE)
/* harmony export */ });
/* harmony import */ var _verify_status_expectation_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7610);
// What the agents must report under profile bgp: native routing, and encryption as configured
// (the user's choice). Pure: the caller reads the live cilium-config.

function bgpAgentExpectation(config) {
    return { ...(0,_verify_status_expectation_js__WEBPACK_IMPORTED_MODULE_0__/* .configExpectation */ .t)(config), routing: 'native' };
}
/** The summary says who carries pod traffic when WireGuard stays on with BGP. */
const BGP_WIREGUARD_NOTE = "WireGuard is on: with profile bgp the pod CIDRs are routed natively by the VNet, but pod traffic between nodes is still carried inside WireGuard (encrypted, and at WireGuard's throughput).";


/***/ }),

/***/ 4172:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bA: () => (/* binding */ RESOURCE_OF),
/* harmony export */   eg: () => (/* binding */ peersWithRouteServer),
/* harmony export */   ur: () => (/* binding */ bgpObjects),
/* harmony export */   vy: () => (/* binding */ FIELD_MANAGER),
/* harmony export */   xB: () => (/* binding */ bgpManifest)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3116);
// The BGP resources of profile bgp, rendered from the inputs (cilium.io/v2: v2alpha1 is deprecated,
// CiliumBGPPeeringPolicy is gone in 1.19). Pure: apply, preview and drift all use these objects.


const BGP_API_VERSION = 'cilium.io/v2';
/** one name for the three objects (they are of different kinds, all cluster-scoped) */
const BGP_OBJECT_NAME = 'cilium-native-routing';
const FIELD_MANAGER = 'cilium-native-routing-action';
const MANAGED_BY = { 'app.kubernetes.io/managed-by': FIELD_MANAGER };
/** links the peer config's address family to the advertisement */
const ADVERTISE_LABEL = { 'cilium-native-routing-action/advertise': 'pod-cidr' };
/** kubectl's resource name for each kind (group-qualified, so no other API group can shadow it) */
const RESOURCE_OF = {
    CiliumBGPClusterConfig: 'ciliumbgpclusterconfigs.cilium.io',
    CiliumBGPPeerConfig: 'ciliumbgppeerconfigs.cilium.io',
    CiliumBGPAdvertisement: 'ciliumbgpadvertisements.cilium.io',
};
const peerName = (address) => `peer-${address.replace(/[.:]/g, '-')}`;
function bgpObjects(bgp) {
    const meta = (labels = {}) => ({ name: BGP_OBJECT_NAME, labels: { ...MANAGED_BY, ...labels } });
    return [
        {
            apiVersion: BGP_API_VERSION,
            kind: 'CiliumBGPClusterConfig',
            metadata: meta(),
            spec: {
                nodeSelector: { matchLabels: { 'kubernetes.io/os': 'linux' } },
                bgpInstances: [
                    {
                        name: `instance-${bgp.localAsn}`,
                        localASN: bgp.localAsn,
                        peers: bgp.peers.map((p) => ({
                            name: peerName(p.address),
                            peerASN: p.asn,
                            peerAddress: p.address,
                            peerConfigRef: { name: BGP_OBJECT_NAME },
                        })),
                    },
                ],
            },
        },
        {
            apiVersion: BGP_API_VERSION,
            kind: 'CiliumBGPPeerConfig',
            metadata: meta(),
            spec: {
                // Route Server sits in its own subnet, one routed hop or more away from the nodes.
                ebgpMultihop: 2,
                // Route Server keeps 60 s keepalive / 180 s hold; matching them avoids a renegotiation.
                timers: { connectRetryTimeSeconds: 12, holdTimeSeconds: 180, keepAliveTimeSeconds: 60 },
                // an agent restart (upgrade, cutover) must not withdraw the node's routes
                gracefulRestart: { enabled: true, restartTimeSeconds: 120 },
                families: [{ afi: 'ipv4', safi: 'unicast', advertisements: { matchLabels: ADVERTISE_LABEL } }],
            },
        },
        {
            apiVersion: BGP_API_VERSION,
            kind: 'CiliumBGPAdvertisement',
            metadata: meta(ADVERTISE_LABEL),
            spec: { advertisements: [{ advertisementType: 'PodCIDR' }] },
        },
    ];
}
/** The objects as one multi-document YAML (kubectl apply -f, the summary). */
function bgpManifest(objects) {
    return objects.map((o) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)(o, { lineWidth: 0 })).join('---\n');
}
/** Peers at Route Server's ASN: the nodes peer with Route Server directly. */
const peersWithRouteServer = (bgp) => bgp.peers.some((p) => p.asn === _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .ROUTE_SERVER_ASN */ .Tz);


/***/ }),

/***/ 1972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ helmMessage),
/* harmony export */   f: () => (/* binding */ Helm)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _process_run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8641);
// The helm CLI as argv arrays. Passed into each step, so tests can point it at a real binary.



class Helm {
    path;
    access;
    constructor(path, access) {
        this.path = path;
        this.access = access;
    }
    /** Runs helm; a non-zero exit is returned, not thrown. */
    async exec(args, opts = {}) {
        const ctx = this.access.context ? ['--kube-context', this.access.context] : [];
        return (0,_process_run_js__WEBPACK_IMPORTED_MODULE_2__/* .runProcess */ .R)(this.path, [...args, ...ctx], { env: this.access.env, ...opts });
    }
    /** Runs helm and throws an ActionError with helm's own message on failure. */
    async run(args, what, opts = {}) {
        const r = await this.exec(args, opts);
        if (r.code !== 0 || r.timedOut) {
            const msg = r.timedOut ? 'timed out' : helmMessage(r.stderr) || `exit code ${r.code}`;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`helm could not ${what}: ${msg}`);
        }
        return r.stdout;
    }
    /** Major version (3 or 4): flags differ (--atomic vs --rollback-on-failure). */
    async majorVersion() {
        const out = await this.run(['version', '--template', '{{.Version}}'], 'report its version');
        const m = /^v?(\d+)\./.exec(out.trim());
        if (!m)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`helm printed an unexpected version: ${out.trim()}`);
        return Number(m[1]);
    }
    async release(name, namespace) {
        const out = await this.run(['list', '--namespace', namespace, '--deployed', '--failed', '--pending', '--filter', `^${escapeRegex(name)}$`, '--output', 'json'], `list releases in ${namespace}`);
        const list = JSON.parse(out || '[]');
        const r = list.find((x) => x.name === name);
        if (!r)
            return undefined;
        const chart = r.chart ?? '';
        const m = /^(.*)-(v?\d+\.\d+\.\d+.*)$/.exec(chart);
        return {
            name: r.name,
            namespace: r.namespace ?? namespace,
            revision: Number(r.revision),
            status: r.status ?? 'unknown',
            chartName: m ? m[1] : chart,
            chartVersion: m ? m[2].replace(/^v/, '') : '',
            appVersion: r.app_version ?? '',
        };
    }
    /** The user-supplied values of a release (what `helm get values` shows), {} when none. */
    async getValues(name, namespace, revision) {
        const rev = revision ? ['--revision', String(revision)] : [];
        const out = await this.run(['get', 'values', name, '--namespace', namespace, '--output', 'yaml', ...rev], `read the values of release ${namespace}/${name}`);
        const v = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(out);
        return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
    }
    async getManifest(name, namespace, revision) {
        const rev = revision ? ['--revision', String(revision)] : [];
        return this.run(['get', 'manifest', name, '--namespace', namespace, ...rev], `read the manifest of release ${namespace}/${name}`);
    }
}
/** helm's error text without the "Error: " prefix and trailing hints. */
function helmMessage(stderr) {
    const lines = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('Use --debug flag'));
    const err = lines.filter((l) => l.startsWith('Error:'));
    return (err.length > 0 ? err : lines).map((l) => l.replace(/^Error:\s*/, '')).join('\n');
}
function escapeRegex(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


/***/ }),

/***/ 9812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ Kubectl)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _process_run_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8641);
// kubectl as argv arrays (from the runner's PATH). Passed into each step; never through a shell.


class Kubectl {
    path;
    access;
    constructor(path, access) {
        this.path = path;
        this.access = access;
    }
    /** the environment kubectl runs with (KUBECONFIG) */
    get env() {
        return this.access.env;
    }
    argv(args) {
        return this.access.context ? ['--context', this.access.context, ...args] : args;
    }
    async exec(args, opts = {}) {
        return (0,_process_run_js__WEBPACK_IMPORTED_MODULE_1__/* .runProcess */ .R)(this.path, this.argv(args), { env: this.access.env, ...opts });
    }
    async run(args, what, opts = {}) {
        const r = await this.exec(args, opts);
        if (r.code !== 0 || r.timedOut) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`kubectl could not ${what}: ${r.timedOut ? 'timed out' : r.stderr.trim() || `exit code ${r.code}`}`);
        }
        return r.stdout;
    }
    stream(args, opts = {}) {
        return (0,_process_run_js__WEBPACK_IMPORTED_MODULE_1__/* .spawnStreaming */ .E)(this.path, this.argv(args), { env: this.access.env, ...opts });
    }
    async list(resource, namespace, selector) {
        const args = [
            'get',
            resource,
            ...(namespace ? ['--namespace', namespace] : []),
            ...(selector ? ['--selector', selector] : []),
            '--output',
            'json',
        ];
        const out = await this.run(args, `list ${resource}${namespace ? ` in ${namespace}` : ''}`);
        return (JSON.parse(out).items ?? []);
    }
    /** undefined when the object does not exist */
    async get(resource, name, namespace) {
        const r = await this.exec(['get', resource, name, ...(namespace ? ['--namespace', namespace] : []), '--output', 'json']);
        if (r.code !== 0) {
            if (/NotFound|not found/.test(r.stderr))
                return undefined;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`kubectl could not read ${resource}/${name}: ${r.stderr.trim()}`);
        }
        return JSON.parse(r.stdout);
    }
    /** Deletes a namespace without waiting for it to go (a missing one is fine); failures are returned. */
    async deleteNamespace(name, opts = {}) {
        return this.exec(['delete', 'namespace', name, '--ignore-not-found', '--wait=false'], opts);
    }
    /** Runs a command in a container; the exit code is returned, a time-out is flagged. */
    async execIn(namespace, pod, container, command, opts = {}) {
        return this.exec(['exec', '--namespace', namespace, pod, ...(container ? ['--container', container] : []), '--', ...command], opts);
    }
    streamIn(namespace, pod, container, command, opts = {}) {
        return this.stream(['exec', '--namespace', namespace, pod, ...(container ? ['--container', container] : []), '--', ...command], opts);
    }
}


/***/ }),

/***/ 6278:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ logInfo)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _redact_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6064);
// The log is a command channel: a line that starts with `::` is a workflow command to the runner
// (save-state, add-mask, set-env…). Text built from data (flow captures, values, tool output, paths)
// goes through here: secrets are hidden, and text that could start a command is written between
// `::stop-commands::TOKEN` and `::TOKEN::` with a fresh random token, so the runner only prints it.



// The runner reads a command from a line's first non-blank characters; `##[` is the older syntax.
const COMMAND_LINE_RE = /^[ \t]*(::|##\[)/m;
/** Whether some line of `text` could be read as a workflow command. */
function couldBeCommand(text) {
    return COMMAND_LINE_RE.test(text);
}
/** Writes `text` to the log, redacted, with workflow commands in it disabled. */
function logInfo(text) {
    const safe = (0,_redact_index_js__WEBPACK_IMPORTED_MODULE_2__/* .redactForLog */ .Vb)(text);
    if (!couldBeCommand(safe) && !safe.includes('\r')) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(safe);
        return;
    }
    let token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)();
    while (safe.includes(token))
        token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)();
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`::stop-commands::${token}`);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(safe);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`::${token}::`);
}


/***/ }),

/***/ 2043:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AQ: () => (/* binding */ recordAgents),
/* harmony export */   AY: () => (/* binding */ recordBgpResources),
/* harmony export */   ZY: () => (/* binding */ recordChecked)
/* harmony export */ });
/* harmony import */ var _bgp_resources_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4172);

/** Every agent's row and the cluster-wide routing and encryption the agents report. */
function recordAgents(report, agents) {
    report.routingMode = agents.routingMode;
    report.encryption = agents.encryption;
    report.nodes = agents.rows;
    return agents.judgement;
}
/** profile bgp: the resources the inputs render (YAML). */
function recordBgpResources(report, bgp) {
    report.bgp = { ...(report.bgp ?? {}), resources: (0,_bgp_resources_js__WEBPACK_IMPORTED_MODULE_0__/* .bgpManifest */ .xB)((0,_bgp_resources_js__WEBPACK_IMPORTED_MODULE_0__/* .bgpObjects */ .ur)(bgp)) };
}
function recordBgp(report, { rows, established, expected, routeServer }) {
    report.bgp = { ...(report.bgp ?? {}), rows, established, expected, ...(routeServer !== undefined ? { routeServer } : {}) };
}
/** What the checks found; returns their combined judgement, for the mode to make the run's verdict. */
function recordChecked(report, checked) {
    if (checked.agents)
        recordAgents(report, checked.agents);
    if (checked.bgp)
        recordBgp(report, checked.bgp);
    if (checked.flows)
        report.flows = checked.flows;
    if (checked.pairs)
        report.pairs = checked.pairs;
    return checked.judgement;
}


/***/ }),

/***/ 495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  k2: () => (/* binding */ acquireTools),
  Re: () => (/* binding */ toolsNeeded)
});

// UNUSED EXPORTS: toolsWanted

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(6058);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/log/safe-log.ts
var safe_log = __webpack_require__(6278);
;// CONCATENATED MODULE: ./src/tools/platform.ts
// The runner's platform in upstream's words. Pure: the caller passes process.platform / process.arch
// (tests pass others). What each tool publishes for a platform is in descriptors.ts and archive.ts.

const PLATFORM_KEYS = (/* unused pure expression or super */ null && ([
    'linux-amd64',
    'linux-arm64',
    'darwin-amd64',
    'darwin-arm64',
    'windows-amd64',
    'windows-arm64',
]));
const OS = { linux: 'linux', darwin: 'darwin', win32: 'windows' };
const ARCH = { x64: 'amd64', arm64: 'arm64' };
/** Maps node's platform/arch to upstream's; anything else fails with what is supported. */
function runnerPlatform(platform = process.platform, arch = process.arch) {
    const os = OS[platform];
    const a = ARCH[arch];
    if (!os || !a) {
        throw new errors/* ActionError */.lZ(`this runner is ${platform}/${arch}, for which helm and the Cilium CLI are not installed by this action`, {
            hint: 'use a Linux, macOS or Windows runner on x64 or arm64, or give helm-version / cilium-cli-version as the path of an existing binary',
        });
    }
    return { os, arch: a };
}
function platformKey(p) {
    return `${p.os}-${p.arch}`;
}

;// CONCATENATED MODULE: ./src/tools/archive.ts

/** The archive of `version` for platform `p` on `mirror` (a trailing slash on the mirror is ignored). */
function archiveLayout(d, mirror, version, p) {
    const key = platformKey(p);
    const type = d.archiveType(version, p);
    const file = d.archiveFileName(version, key, type);
    const exe = p.os === 'windows' ? `${d.name}.exe` : d.name;
    const url = `${trimMirror(mirror)}/${d.archivePath(version, file)}`;
    return { file, url, type, exe, binaryPath: d.binaryPathInArchive(key, exe) };
}
/** The mirror without trailing slashes: the form URLs are built from and mirrors are compared in. */
function trimMirror(mirror) {
    return mirror.replace(/\/+$/, '');
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/inputs/defaults.ts
var defaults = __webpack_require__(9011);
;// CONCATENATED MODULE: ./src/tools/descriptors.ts
// One descriptor per tool the action installs: everything that differs between helm and the Cilium CLI
// (names, inputs, where upstream publishes which archive and how it is laid out, how the binary reports
// its version), so the code that resolves, downloads, verifies, caches and runs them is the same for both.


/** The action's names for a tool follow one word for it: inputs `<word>-version`, `<word>-mirror`, cache `cnra-<word>`. */
function actionNames(word) {
    return { inputs: { version: `${word}-version`, mirror: `${word}-mirror` }, cacheName: `cnra-${word}` };
}
const HELM_TOOL = {
    name: 'helm',
    display: 'helm',
    ...actionNames('helm'),
    defaultMirror: defaults/* INPUT_DEFAULTS */.W['helm-mirror'],
    // `--template` prints just "v4.2.4"; `--short` ("v4.2.4+g1234abc") also works on old helm 3 releases.
    versionCommands: [
        ['version', '--template', '{{.Version}}'],
        ['version', '--short'],
    ],
    versionPatterns: [/^v?(\d+\.\d+\.\d+\S*)/m, /\bv(\d+\.\d+\.\d+\S*)/],
    archiveType: (_version, p) => (p.os === 'windows' ? 'zip' : 'tar.gz'),
    // get.helm.sh/helm-v4.2.4-linux-amd64.tar.gz, with the binary in linux-amd64/
    archiveFileName: (version, key, type) => `helm-v${version}-${key}.${type}`,
    archivePath: (_version, file) => file,
    binaryPathInArchive: (key, exe) => `${key}/${exe}`,
    checksumSuffix: '.sha256sum',
};
// The Cilium CLI publishes .zip for Windows since v0.16.5 (cilium-cli commit e8fbe72f8), .tar.gz before.
const CILIUM_WINDOWS_ZIP_SINCE = '0.16.5';
const CILIUM_CLI_TOOL = {
    name: 'cilium',
    display: 'Cilium CLI',
    ...actionNames('cilium-cli'),
    defaultMirror: defaults/* INPUT_DEFAULTS */.W['cilium-cli-mirror'],
    // "cilium-cli: v0.20.0 compiled with go1.25.1 on linux/amd64" is the first line.
    versionCommands: [['version', '--client']],
    versionPatterns: [/cilium-cli:\s*v?(\S+)/, /\bv?(\d+\.\d+\.\d+\S*)/],
    archiveType: (version, p) => {
        if (p.os !== 'windows')
            return 'tar.gz';
        return semver_default().valid(version) && semver_default().lt(version, CILIUM_WINDOWS_ZIP_SINCE) ? 'tar.gz' : 'zip';
    },
    // {mirror}/v0.20.0/cilium-linux-amd64.tar.gz, with the binary at the top
    archiveFileName: (_version, key, type) => `cilium-${key}.${type}`,
    archivePath: (version, file) => `v${version}/${file}`,
    binaryPathInArchive: (_key, exe) => exe,
    checksumSuffix: '.sha256sum',
};
/** The descriptors in install order. */
const TOOL_DESCRIPTORS = [HELM_TOOL, CILIUM_CLI_TOOL];

// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(9805);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/tools/checksum.ts
// Checksum logic, pure: parse a published `.sha256sum` file and decide whether an archive matches.

const HEX64 = /^[0-9a-fA-F]{64}$/;
/**
 * Reads a `sha256sum` output file: lines of `<hex>  <file>` (or `<hex> *<file>` in binary mode),
 * or a single bare `<hex>`. With several lines, the one naming `fileName` is used; a file that names
 * only other files is rejected, since it does not vouch for this archive.
 */
function parseSha256File(text, fileName) {
    const lines = text
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l.length > 0);
    if (lines.length === 0)
        return { ok: false, problem: 'the checksum file is empty' };
    const entries = [];
    for (const line of lines) {
        const m = /^([0-9a-fA-F]+)(?:\s+\*?(.+))?$/.exec(line);
        if (!m || !HEX64.test(m[1])) {
            return { ok: false, problem: `the checksum file does not hold a sha256 (64 hex digits): "${printable(line)}"` };
        }
        entries.push({ hex: m[1].toLowerCase(), name: m[2]?.trim() });
    }
    const named = entries.filter((e) => e.name !== undefined && baseName(e.name) === fileName);
    if (named.length > 0) {
        const distinct = new Set(named.map((e) => e.hex));
        if (distinct.size > 1)
            return { ok: false, problem: `the checksum file lists ${fileName} with different checksums` };
        return { ok: true, sha256: named[0].hex };
    }
    if (entries.length === 1 && entries[0].name === undefined)
        return { ok: true, sha256: entries[0].hex };
    const others = entries.map((e) => e.name ?? '(no file name)').join(', ');
    return { ok: false, problem: `the checksum file is for ${printable(others)}, not ${fileName}` };
}
function sha256Hex(data) {
    return createHash('sha256').update(data).digest('hex');
}
/** Compares the computed checksum with the expected one; `source` says where the expected one came from. */
function checkSha256(actual, expected, source) {
    if (actual.toLowerCase() === expected.toLowerCase())
        return { ok: true };
    return { ok: false, problem: `its sha256 is ${actual.toLowerCase()}, but ${source} says ${expected.toLowerCase()}` };
}
function baseName(p) {
    const parts = p.split(/[\\/]/);
    return parts[parts.length - 1];
}
function printable(s) {
    return JSON.stringify(s.length > 120 ? `${s.slice(0, 120)}…` : s).slice(1, -1);
}

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./src/tools/download.ts
// HTTP(S) downloads for the tool installer: a time-out on every request (a connection that stops
// sending fails), bounded retries with back-off for transient failures (5xx, 408, 429, resets,
// time-outs, bodies cut short), none for other 4xx, and errors that name the URL and the cause.
// Plain node:http(s) so a hanging request can be destroyed; the agent comes from @actions/http-client,
// which honours the runner's https_proxy / no_proxy.







const DEFAULT_DOWNLOAD_OPTIONS = {
    idleTimeoutMs: 30_000,
    attemptTimeoutMs: 600_000,
    retryDelaysMs: [1_000, 3_000, 9_000],
    maxBytes: 512 * 1024 * 1024,
};
const USER_AGENT = 'cilium-native-routing-action';
const MAX_REDIRECTS = 10;
/** A download that failed for good: `status` is set for HTTP errors, `transient` tells whether retries were spent. */
class DownloadError extends errors/* ActionError */.lZ {
    url;
    reason;
    status;
    attempts;
    constructor(url, reason, status, attempts, options) {
        super(`download of ${url} failed: ${reason}${attempts > 1 ? ` (gave up after ${attempts} attempts)` : ''}`, options);
        this.url = url;
        this.reason = reason;
        this.status = status;
        this.attempts = attempts;
        this.name = 'DownloadError';
    }
}
/** What one attempt ran into; `transient` decides whether it is retried. */
class AttemptFailure extends Error {
    transient;
    status;
    constructor(message, transient, status, options) {
        super(message, options);
        this.transient = transient;
        this.status = status;
    }
}
/** Downloads `url` into `dest` (overwritten on each attempt), computing its sha256 on the way. */
async function downloadFile(url, dest, options = {}) {
    return withRetries(url, options, async (opts) => {
        const hash = (0,external_node_crypto_.createHash)('sha256');
        let bytes = 0;
        await fetchInto(url, opts, (body) => (0,external_node_stream_promises_.pipeline)(body, async function* (source) {
            for await (const chunk of source) {
                hash.update(chunk);
                bytes += chunk.length;
                yield chunk;
            }
        }, (0,external_node_fs_.createWriteStream)(dest)));
        return { bytes, sha256: hash.digest('hex') };
    });
}
/** Downloads a small text file (a `.sha256sum`) into memory. */
async function downloadText(url, options = {}) {
    return withRetries(url, { maxBytes: 1024 * 1024, ...options }, async (opts) => {
        const chunks = [];
        await fetchInto(url, opts, async (body) => {
            for await (const chunk of body)
                chunks.push(chunk);
        });
        return Buffer.concat(chunks).toString('utf8');
    });
}
async function withRetries(url, options, attempt) {
    const opts = { ...DEFAULT_DOWNLOAD_OPTIONS, ...options };
    const delays = opts.retryDelaysMs;
    for (let n = 1;; n++) {
        try {
            return await attempt(opts);
        }
        catch (e) {
            const f = e instanceof AttemptFailure ? e : new AttemptFailure((0,errors/* errorMessage */.gJ)(e), false, undefined, { cause: e });
            if (!f.transient || n > delays.length) {
                throw new DownloadError(url, f.message, f.status, n, { cause: f.cause ?? f, hint: hintFor(f) });
            }
            const delayMs = delays[n - 1];
            opts.onRetry?.({ url, attempt: n, delayMs, reason: f.message });
            await new Promise((r) => setTimeout(r, delayMs));
        }
    }
}
function hintFor(f) {
    if (f.status === 404)
        return undefined; // the message already says what a 404 means here
    if (f.status !== undefined && f.status >= 400 && f.status < 500)
        return 'the mirror refused the request; check the mirror URL and that it serves these files without credentials';
    return undefined;
}
/**
 * One attempt: follows redirects, checks the status, hands the body to `consume`, and fails the
 * attempt when the connection goes quiet, runs too long, or ends before the whole body arrived.
 */
async function fetchInto(url, opts, consume) {
    const deadline = Date.now() + opts.attemptTimeoutMs;
    let current = new URL(url);
    for (let redirects = 0;; redirects++) {
        const { res, timedOut } = await request(current, opts, deadline);
        const status = res.statusCode ?? 0;
        if ([301, 302, 303, 307, 308].includes(status) && res.headers.location) {
            res.destroy();
            if (redirects >= MAX_REDIRECTS)
                throw new AttemptFailure(`more than ${MAX_REDIRECTS} redirects`, false);
            const next = new URL(res.headers.location, current);
            if (current.protocol === 'https:' && next.protocol !== 'https:') {
                throw new AttemptFailure(`redirected from https to ${next.protocol}, which is refused`, false);
            }
            current = next;
            continue;
        }
        if (status !== 200) {
            res.destroy();
            throw statusFailure(status, res.statusMessage);
        }
        const expected = contentLength(res);
        if (expected !== undefined && expected > opts.maxBytes) {
            res.destroy();
            throw new AttemptFailure(`the file is ${expected} bytes, more than the ${opts.maxBytes} allowed`, false);
        }
        let received = 0;
        async function* counted() {
            for await (const chunk of res) {
                received += chunk.length;
                if (received > opts.maxBytes)
                    throw new AttemptFailure(`the file is larger than the ${opts.maxBytes} bytes allowed`, false);
                yield chunk;
            }
        }
        try {
            await consume(counted());
        }
        catch (e) {
            res.destroy();
            if (e instanceof AttemptFailure)
                throw e;
            const t = timedOut();
            if (t)
                throw t;
            if (!res.complete)
                throw cutShort(received, expected, e);
            throw new AttemptFailure(`could not store the body: ${(0,errors/* errorMessage */.gJ)(e)}`, false, undefined, { cause: e });
        }
        if (!res.complete || (expected !== undefined && received !== expected))
            throw cutShort(received, expected);
        return;
    }
}
function request(url, opts, deadline) {
    return new Promise((resolve, reject) => {
        const mod = url.protocol === 'https:' ? (external_node_https_default()) : url.protocol === 'http:' ? (external_node_http_default()) : undefined;
        if (!mod) {
            reject(new AttemptFailure(`${url.protocol} URLs are not supported`, false));
            return;
        }
        // keepAlive off: no idle sockets left behind to keep the process alive.
        const agent = new lib/* HttpClient */.Qq(USER_AGENT, [], { keepAlive: false }).getAgent(url.href);
        const req = mod.get(url, { agent, headers: { 'user-agent': USER_AGENT, accept: '*/*' } });
        let timeout;
        // Both limits destroy the request, which fails the pending response or the body being read.
        const fail = (f) => {
            timeout ??= f;
            req.destroy(f);
        };
        const left = Math.max(deadline - Date.now(), 1);
        const total = setTimeout(() => fail(new AttemptFailure(`no complete response within ${seconds(opts.attemptTimeoutMs)}`, true)), left);
        req.setTimeout(opts.idleTimeoutMs, () => fail(new AttemptFailure(`the connection stalled: no data for ${seconds(opts.idleTimeoutMs)}`, true)));
        req.on('close', () => clearTimeout(total));
        req.on('response', (res) => resolve({ res, timedOut: () => timeout }));
        req.on('error', (e) => reject(e instanceof AttemptFailure ? e : networkFailure(e)));
    });
}
function statusFailure(status, text) {
    const label = `HTTP ${status}${text ? ` ${text}` : ''}`;
    if (status === 404)
        return new AttemptFailure(`${label}: no such version/platform on this mirror`, false, status);
    const transient = status >= 500 || status === 408 || status === 429;
    return new AttemptFailure(label, transient, status);
}
function networkFailure(e) {
    const code = e.code;
    return new AttemptFailure(`${code ? `${code}: ` : ''}${e.message}`, true, undefined, { cause: e });
}
function cutShort(received, expected, cause) {
    const of = expected !== undefined ? ` of ${expected}` : '';
    return new AttemptFailure(`the connection closed after ${received}${of} bytes (body cut short)`, true, undefined, { cause });
}
function contentLength(res) {
    const v = res.headers['content-length'];
    if (v === undefined || !/^\d+$/.test(v))
        return undefined;
    return Number(v);
}
function seconds(ms) {
    return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

// EXTERNAL MODULE: ./src/tools/pins.ts
var pins = __webpack_require__(7507);
;// CONCATENATED MODULE: ./src/tools/expected-checksum.ts
// Where an archive's expected sha256 comes from, decided before anything is downloaded: the checksum
// pinned in this action for its default versions (never one from the same mirror), else the checksum
// file the mirror publishes next to the archive. Without either, nothing is downloaded at all.




async function expectedChecksum(f) {
    const { d, version, key } = f;
    const pinned = (0,pins/* pinnedSha256 */.MV)(f.pins, d.name, version, key);
    if (pinned)
        return { sha256: pinned, source: `the checksum pinned in this action for ${d.display} ${version} ${key}`, pinned: true };
    if (f.pinnedDefault) {
        throw new errors/* ActionError */.lZ(`${d.display} ${version} is the pinned default, but this action pins no checksum for ${key}`, {
            hint: `give ${d.inputs.version} explicitly to verify against the mirror's ${d.checksumSuffix} instead`,
        });
    }
    return publishedChecksum(f);
}
async function publishedChecksum({ d, version, layout, download }) {
    const sumUrl = `${layout.url}${d.checksumSuffix}`;
    let text;
    try {
        text = await downloadText(sumUrl, download);
    }
    catch (e) {
        throw new errors/* ActionError */.lZ(`cannot verify ${d.display} ${version}: ${(0,errors/* errorMessage */.gJ)(e)}`, {
            cause: e,
            hint: `nothing unverified is installed; the mirror must publish ${layout.file}${d.checksumSuffix} next to ${layout.file} (check ${d.inputs.version} and ${d.inputs.mirror})`,
        });
    }
    const parsed = parseSha256File(text, layout.file);
    if (!parsed.ok) {
        throw new errors/* ActionError */.lZ(`cannot verify ${d.display} ${version}: ${sumUrl}: ${parsed.problem}`, {
            hint: 'nothing unverified is installed; the mirror must publish the sha256sum output for the archive',
        });
    }
    return { sha256: parsed.sha256, source: sumUrl, pinned: false };
}

;// CONCATENATED MODULE: ./src/tools/regular-file.ts

/** Whether `p` is a regular file (following links); false when it is missing or unreadable. */
async function isRegularFile(p) {
    try {
        return (await (0,promises_.stat)(p)).isFile();
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/tools/fetch-archive.ts
// Downloads a tool's release archive, checks it against the expected checksum, and only then extracts
// it and finds the binary where upstream puts it. Nothing unverified is extracted.










/** Downloads the archive, verifies it, extracts it into `work`, and returns the binary's path there. */
async function downloadAndVerify(f, work) {
    const archive = external_node_path_default().join(work, f.layout.file);
    await downloadVerified(f, archive);
    return extractBinary(f, archive, external_node_path_default().join(work, 'extracted'));
}
async function downloadVerified(f, archive) {
    const { d, version, layout } = f;
    const expected = await expectedChecksum(f);
    (0,safe_log/* logInfo */.f)(`Downloading ${layout.url}`);
    let got;
    try {
        got = await downloadFile(layout.url, archive, f.download);
    }
    catch (e) {
        throw new errors/* ActionError */.lZ(`cannot install ${d.display} ${version}: ${(0,errors/* errorMessage */.gJ)(e)}`, {
            cause: e,
            hint: `check ${d.inputs.version} (an exact released version such as ${pins/* PINS */.$x[d.name].version}) and ${d.inputs.mirror}`,
        });
    }
    const verdict = checkSha256(got.sha256, expected.sha256, expected.source);
    if (!verdict.ok) {
        await (0,promises_.rm)(archive, { force: true });
        throw new errors/* ActionError */.lZ(`${layout.file} from ${layout.url} failed verification: ${verdict.problem}`, {
            hint: expected.pinned
                ? 'the mirror serves a different file than the upstream release; it was not extracted or cached'
                : 'the archive does not match the checksum published next to it (a corrupted download or an inconsistent mirror); it was not extracted or cached',
        });
    }
    (0,safe_log/* logInfo */.f)(`Verified ${layout.file}: sha256 ${got.sha256} (${got.bytes} bytes) matches ${expected.source}`);
}
async function extractBinary({ d, layout }, archive, dest) {
    try {
        if (layout.type === 'zip')
            await tool_cache/* extractZip */.JE(archive, dest);
        else
            await tool_cache/* extractTar */.nN(archive, dest);
    }
    catch (e) {
        throw new errors/* ActionError */.lZ(`could not extract ${layout.file}: ${(0,errors/* errorMessage */.gJ)(e)}`, { cause: e });
    }
    const bin = external_node_path_default().join(dest, layout.binaryPath);
    if (!(await isRegularFile(bin))) {
        throw new errors/* ActionError */.lZ(`${layout.file} does not contain ${layout.binaryPath}`, {
            hint: `the archive passed verification but is not laid out like upstream's ${d.display} release`,
        });
    }
    // Archives made on Windows carry no Unix mode; the host decides whether a mode is needed.
    if (process.platform !== 'win32')
        await (0,promises_.chmod)(bin, 0o755);
    return bin;
}

// EXTERNAL MODULE: ./src/process/run.ts + 1 modules
var run = __webpack_require__(8641);
;// CONCATENATED MODULE: ./src/tools/tool-version.ts
// How to read the version from what a tool's version command prints. Pure.

/** The semver the tool reports (without "v" or build metadata), or undefined when none is found. */
function parseToolVersion(d, output) {
    const text = output.trim();
    let m = null;
    for (const pattern of d.versionPatterns) {
        m = pattern.exec(text);
        if (m)
            break;
    }
    if (!m)
        return undefined;
    const v = semver_default().valid(m[1].replace(/[",]+$/, ''));
    return v ? stripBuild(v) : undefined;
}
/** Whether the reported version is the one that was asked for (build metadata ignored). */
function sameVersion(reported, wanted) {
    const a = semver_default().valid(reported);
    const b = semver_default().valid(wanted.replace(/^v/, ''));
    return a !== null && b !== null && stripBuild(a) === stripBuild(b);
}
function stripBuild(v) {
    return v.replace(/\+.*$/, '');
}

;// CONCATENATED MODULE: ./src/tools/reported-version.ts
// Asks a tool binary for its version: the installer checks that a download is the version asked for,
// and reports the version of every binary it hands on, including one given by path.



/** Runs the tool's version command(s) and returns the version it reports. */
async function reportedVersion(d, bin, timeoutMs) {
    const problems = [];
    for (const args of d.versionCommands) {
        let out;
        try {
            out = await (0,run/* runProcess */.R)(bin, args, { timeoutMs });
        }
        catch (e) {
            problems.push((0,errors/* errorMessage */.gJ)(e));
            break; // the binary cannot be started at all
        }
        if (out.code === 0) {
            const v = parseToolVersion(d, out.stdout);
            if (v)
                return v;
            problems.push(`\`${args.join(' ')}\` printed no version: "${out.stdout.trim().slice(0, 200)}"`);
        }
        else {
            const why = out.timedOut ? `timed out after ${timeoutMs} ms` : `exited with ${out.code}`;
            problems.push(`\`${args.join(' ')}\` ${why}${out.stderr.trim() ? `: ${out.stderr.trim().slice(0, 300)}` : ''}`);
        }
    }
    throw new errors/* ActionError */.lZ(`${bin} did not report a ${d.display} version: ${problems.join('; ')}`, {
        hint: `give ${d.inputs.version} as an exact version or the path of a working ${d.name} binary`,
    });
}

;// CONCATENATED MODULE: ./src/tools/tool-cache.ts
// The runner's tool cache, holding only verified binaries: one entry per tool, mirror, version and arch.
// A failed store removes what it left, so a later run never finds a half-written entry.








/**
 * Tool-cache name per tool and mirror: downloads from a mirror never share an entry with the default
 * download site, and neither collides with tools other actions or the runner image put in the cache.
 */
function toolCacheName(d, mirror) {
    const normalized = trimMirror(mirror);
    if (normalized === d.defaultMirror)
        return d.cacheName;
    return `${d.cacheName}-mirror-${(0,external_node_crypto_.createHash)('sha256').update(normalized).digest('hex').slice(0, 12)}`;
}
/** Fails unless the runner says where its tool cache is: nothing is installed outside it. */
function requireToolCache(d) {
    if (!process.env.RUNNER_TOOL_CACHE) {
        throw new errors/* ActionError */.lZ(`cannot install ${d.display}: RUNNER_TOOL_CACHE is not set`, {
            hint: 'run on a GitHub Actions runner, or set RUNNER_TOOL_CACHE to a writable directory',
        });
    }
}
/** The cached binary's path, or undefined when the entry or the binary in it is missing. */
async function findCached(entry) {
    const dir = tool_cache/* find */.I6(entry.name, entry.version, entry.arch);
    if (!dir)
        return undefined;
    const bin = external_node_path_default().join(dir, entry.exe);
    return (await isRegularFile(bin)) ? bin : undefined;
}
/** Copies the verified binary into the cache and returns the entry's directory. */
async function storeInCache(d, entry, bin) {
    try {
        return await tool_cache/* cacheFile */.NJ(bin, entry.exe, entry.name, entry.version, entry.arch);
    }
    catch (e) {
        await removeCacheEntry(entry);
        throw new errors/* ActionError */.lZ(`could not store ${d.display} ${entry.version} in the tool cache: ${(0,errors/* errorMessage */.gJ)(e)}`, { cause: e });
    }
}
async function removeCacheEntry(entry) {
    const root = process.env.RUNNER_TOOL_CACHE;
    if (!root)
        return;
    const dir = external_node_path_default().join(root, entry.name, semver_default().clean(entry.version) || entry.version, entry.arch);
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    await (0,promises_.rm)(`${dir}.complete`, { force: true });
}

;// CONCATENATED MODULE: ./src/tools/install.ts
// Installs helm and the Cilium CLI: from the tool cache when a verified copy is there, else downloaded
// from the mirror, verified (pinned checksum for the default versions, the published .sha256sum for
// others) before anything is extracted, checked to report the version asked for, then cached and put
// on PATH. Nothing unverified is extracted, cached or run, and a failed install leaves nothing cached.
// What differs between the tools is in their descriptors (descriptors.ts); this code is the same for both.














/** Installs the wanted tools concurrently. When any fails, waits for the others and reports every failure. */
async function installTools(wanted, options = {}) {
    const jobs = TOOL_DESCRIPTORS.flatMap((d) => {
        const req = wanted[d.name];
        return req ? [installTool(d, req, options)] : [];
    });
    const settled = await Promise.allSettled(jobs);
    const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
    if (failures.length === 1)
        throw failures[0];
    if (failures.length > 1) {
        throw new errors/* ActionError */.lZ(`${failures.length} tools could not be installed:\n${failures.map((f) => `- ${(0,errors/* errorMessage */.gJ)(f)}`).join('\n')}`, {
            cause: new AggregateError(failures),
        });
    }
    const result = {};
    for (const s of settled)
        if (s.status === 'fulfilled')
            result[s.value.tool] = s.value;
    return result;
}
/** Installs one tool (or checks the given binary) and puts it on PATH. */
async function installTool(d, req, options) {
    const ctx = { d, addPath: options.addPath ?? core/* addPath */.fM, versionTimeoutMs: options.versionTimeoutMs ?? 60_000 };
    if (req.spec.kind === 'path')
        return useGivenBinary(ctx, req.spec.path);
    const { version } = req.spec;
    const platform = options.platform ?? runnerPlatform();
    const fetch = archiveFetch(d, req.spec, req.mirror, platform, options);
    const entry = { name: toolCacheName(d, req.mirror), version, arch: platform.arch, exe: fetch.layout.exe };
    requireToolCache(d);
    const cached = await findCached(entry);
    if (cached) {
        const reported = await reportedVersion(d, cached, ctx.versionTimeoutMs);
        ctx.addPath(external_node_path_default().dirname(cached));
        (0,safe_log/* logInfo */.f)(`${d.display} ${reported}: from the tool cache, ${cached}`);
        return { tool: d.name, path: cached, version: reported, source: 'cache' };
    }
    return installDownloaded(ctx, fetch, entry);
}
async function useGivenBinary({ d, addPath, versionTimeoutMs }, bin) {
    const version = await reportedVersion(d, bin, versionTimeoutMs);
    // Only a binary with the usual name is useful on PATH for later steps.
    const base = external_node_path_default().basename(bin).toLowerCase();
    if (base === d.name || base === `${d.name}.exe`)
        addPath(external_node_path_default().dirname(bin));
    (0,safe_log/* logInfo */.f)(`${d.display} ${version}: using ${bin} as given`);
    return { tool: d.name, path: bin, version, source: 'path' };
}
function archiveFetch(d, spec, mirror, platform, options) {
    const download = {
        ...options.download,
        onRetry: (r) => {
            (0,safe_log/* logInfo */.f)(`${r.url}: ${r.reason}; retrying in ${r.delayMs} ms (attempt ${r.attempt + 1})`);
            options.download?.onRetry?.(r);
        },
    };
    return {
        d,
        version: spec.version,
        pinnedDefault: spec.pinned,
        mirror,
        key: platformKey(platform),
        layout: archiveLayout(d, mirror, spec.version, platform),
        pins: options.pins ?? pins/* PINS */.$x,
        download,
    };
}
/** Downloads and verifies into a scratch directory, checks the version, caches, and puts it on PATH. */
async function installDownloaded({ d, addPath, versionTimeoutMs }, f, entry) {
    const tmpRoot = process.env.RUNNER_TEMP || external_node_os_default().tmpdir();
    await (0,promises_.mkdir)(tmpRoot, { recursive: true });
    const work = await (0,promises_.mkdtemp)(external_node_path_default().join(tmpRoot, `cnra-${d.name}-`));
    try {
        const bin = await downloadAndVerify(f, work);
        const reported = await reportedVersion(d, bin, versionTimeoutMs);
        if (!sameVersion(reported, f.version)) {
            throw new errors/* ActionError */.lZ(`the ${d.display} downloaded for version ${f.version} reports version ${reported}`, {
                hint: `the mirror (${f.mirror}) serves a different version under this name; check ${d.inputs.mirror}`,
            });
        }
        const dir = await storeInCache(d, entry, bin);
        addPath(dir);
        const installed = external_node_path_default().join(dir, entry.exe);
        (0,safe_log/* logInfo */.f)(`${d.display} ${reported}: downloaded, verified and cached, ${installed}`);
        return { tool: d.name, path: installed, version: reported, source: 'download' };
    }
    finally {
        await (0,promises_.rm)(work, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/modes/tools.ts

async function acquireTools(ctx, need) {
    const installed = await installTools(toolsWanted(ctx.config, need));
    const out = {};
    for (const t of [installed.helm, installed.cilium]) {
        if (!t)
            continue;
        out[t.tool] = t.path;
        ctx.report.tools.push({ name: t.tool, version: t.version, source: t.source });
    }
    return out;
}
/**
 * Which tools a run needs: helm wherever a release or chart is read (not verify), the Cilium CLI only
 * for a `connectivity-tests` subset (the action's own checks use kubectl and the API server).
 */
function toolsNeeded(config) {
    return {
        helm: config.mode !== 'verify',
        cilium: config.mode !== 'preview' && config.checks.has('connectivity') && config.connectivityTests !== undefined,
    };
}
/** The requests for `installTools` from the Config, for the tools that are needed. */
function toolsWanted(config, needs) {
    return {
        helm: needs.helm ? { spec: config.helm, mirror: config.helmMirror } : undefined,
        cilium: needs.cilium ? { spec: config.ciliumCli, mirror: config.ciliumCliMirror } : undefined,
    };
}


/***/ }),

/***/ 8641:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R: () => (/* binding */ runProcess),
  E: () => (/* binding */ spawnStreaming)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/process/child-env.ts
// Child processes (helm, kubectl, cilium, exec plugins) get only the environment they need: never
// the runner's tokens (ACTIONS_RUNTIME_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN, GITHUB_TOKEN), the
// action's inputs (INPUT_KUBECONFIG, INPUT_GITHUB-TOKEN) or anything else the job happens to hold.
// A chart's template or a plugin can read its environment; what it never gets, it cannot leak.
/** Exact names passed through. */
const ALLOWED = new Set([
    'PATH',
    'HOME',
    'USER',
    'LOGNAME',
    'SHELL',
    'TMPDIR',
    'TMP',
    'TEMP',
    'LANG',
    'LANGUAGE',
    'TZ',
    'TERM',
    'NO_COLOR',
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'http_proxy',
    'https_proxy',
    'no_proxy',
    'ALL_PROXY',
    'all_proxy',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'KUBECONFIG',
    // Windows needs these to start anything
    'SystemRoot',
    'SYSTEMROOT',
    'windir',
    'ComSpec',
    'PATHEXT',
    'APPDATA',
    'LOCALAPPDATA',
    'USERPROFILE',
    'ProgramData',
    'ProgramFiles',
]);
/** Prefixes passed through: tool settings and Azure credentials an exec plugin (kubelogin) reads. */
const ALLOWED_PREFIXES = ['LC_', 'XDG_', 'HELM_', 'KUBE', 'CILIUM_', 'AZURE_', 'AAD_', 'ARM_'];
/** Never, whatever the lists above say. */
const DENIED_RE = /^(INPUT_|ACTIONS_|GITHUB_|RUNNER_|STATE_)|TOKEN|PASSWORD|SECRET/i;
function isPassedToChildren(name) {
    if (DENIED_RE.test(name) && !/^(AZURE|AAD|ARM)_/.test(name))
        return false;
    return ALLOWED.has(name) || ALLOWED_PREFIXES.some((p) => name.startsWith(p));
}
/** The environment a child process runs with: `env` filtered to what children may see. */
function childEnv(env = process.env) {
    const out = {};
    for (const [k, v] of Object.entries(env))
        if (v !== undefined && isPassedToChildren(k))
            out[k] = v;
    return out;
}

// EXTERNAL MODULE: ./src/log/safe-log.ts
var safe_log = __webpack_require__(6278);
;// CONCATENATED MODULE: ./src/process/run.ts
// Runs external commands with an argv array (never a shell), a time-out and an abort signal.
// Every call is logged as `[command] file args…` so a run's log shows exactly what was executed.




/** Starts a child and settles once it exits: time-out and abort kill it, stderr (and stdout when asked) are collected. */
function start(file, args, opts, collectStdout) {
    if (!opts.quiet)
        (0,safe_log/* logInfo */.f)(`[command] ${external_node_path_default().basename(file)} ${args.join(' ')}`);
    const child = (0,external_node_child_process_.spawn)(file, args, {
        env: childEnv(opts.env ?? process.env),
        cwd: opts.cwd,
        shell: false,
        windowsHide: true,
        stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = opts.timeoutMs !== undefined
        ? setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, opts.timeoutMs)
        : undefined;
    const onAbort = () => {
        child.kill('SIGKILL');
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    if (collectStdout)
        child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    const echoed = opts.echo ? [echoLines(child.stdout), echoLines(child.stderr)] : [];
    const settle = () => {
        if (timer)
            clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
    };
    const done = new Promise((resolve, reject) => {
        child.on('error', (e) => {
            settle();
            reject(new Error(`could not run ${file}: ${e.message}`, { cause: e }));
        });
        child.on('close', (code, sig) => {
            settle();
            for (const flush of echoed)
                flush();
            resolve({
                code: code ?? (sig ? 128 : 1),
                stdout: Buffer.concat(out).toString('utf8'),
                stderr: Buffer.concat(err).toString('utf8'),
                timedOut,
            });
        });
    });
    child.stdin.on('error', () => {
        // the child may exit before reading its input; its exit code tells what happened
    });
    child.stdin.end(opts.input ?? '');
    return { child, done };
}
/** Logs a stream's complete lines as they arrive; the returned function logs a last partial line. */
function echoLines(stream) {
    let partial = '';
    stream.on('data', (d) => {
        const lines = (partial + d.toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        for (const l of lines)
            (0,safe_log/* logInfo */.f)(l.replace(/\r$/, ''));
    });
    return () => {
        if (partial)
            (0,safe_log/* logInfo */.f)(partial);
        partial = '';
    };
}
async function runProcess(file, args, opts = {}) {
    return start(file, args, opts, true).done;
}
/** Like runProcess, but hands stdout over as a stream (for captures too large to buffer). */
function spawnStreaming(file, args, opts = {}) {
    const { child, done } = start(file, args, opts, false);
    return { stdout: child.stdout, done };
}


/***/ }),

/***/ 21:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ step)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
// Each phase is a log group (closed even when it throws) with its duration in the report.

async function step(report, name, fn) {
    const started = performance.now();
    let ok = false;
    try {
        const result = await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(name, fn);
        ok = true;
        return result;
    }
    finally {
        report.steps.push({ name, durationMs: Math.round(performance.now() - started), ok });
    }
}


/***/ }),

/***/ 7230:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GV: () => (/* binding */ readBgpObjects),
/* harmony export */   Tr: () => (/* binding */ readBgpNodeConfigs),
/* harmony export */   cX: () => (/* binding */ applyBgpObjects)
/* harmony export */ });
/* harmony import */ var _log_safe_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6278);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _bgp_resources_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4172);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
// The BGP resources on the cluster: applied with server-side apply (one field manager, so keys the
// action stops setting are removed), and read back for drift. kubectl argv only, the manifest on stdin.




// The operator registers the BGP CRDs once bgpControlPlane.enabled is on: until then the kinds are unknown.
const CRD_MISSING_RE = /doesn't have a resource type|no matches for kind|could not find the requested resource/i;
const PROGRESS_MS = 20_000;
const RETRY_MS = 2_000;
/** Server-side apply of the objects; waits (with progress lines) while the BGP CRDs are not served yet. */
async function applyBgpObjects(kubectl, objects, deadline) {
    const args = ['apply', '--server-side', `--field-manager=${_bgp_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .FIELD_MANAGER */ .vy}`, '--force-conflicts', '--filename', '-'];
    let lastProgress = Date.now();
    for (;;) {
        const r = await kubectl.exec(args, {
            input: (0,_bgp_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .bgpManifest */ .xB)(objects),
            timeoutMs: Math.max(10_000, Math.min(120_000, deadline - Date.now())),
        });
        if (r.code === 0 && !r.timedOut) {
            (0,_log_safe_log_js__WEBPACK_IMPORTED_MODULE_0__/* .logInfo */ .f)(r.stdout.trim());
            return;
        }
        const why = r.timedOut ? 'timed out' : r.stderr.trim().split('\n')[0] || `exit code ${r.code}`;
        if (!CRD_MISSING_RE.test(r.stderr) || Date.now() + RETRY_MS > deadline) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`kubectl could not apply the BGP resources: ${why}`, {
                hint: 'The BGP CRDs (cilium.io/v2 CiliumBGPClusterConfig, CiliumBGPPeerConfig, CiliumBGPAdvertisement) come with Cilium 1.18 or later once bgpControlPlane.enabled is true.',
            });
        }
        if (Date.now() - lastProgress >= PROGRESS_MS) {
            (0,_log_safe_log_js__WEBPACK_IMPORTED_MODULE_0__/* .logInfo */ .f)('Waiting for the Cilium operator to register the BGP CRDs …');
            lastProgress = Date.now();
        }
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_1__.setTimeout)(RETRY_MS);
    }
}
/** The live object of each kind (by the action's name), undefined when missing or not even a known kind. */
async function readBgpObjects(kubectl, objects) {
    const live = new Map();
    await Promise.all(objects.map(async (o) => {
        const r = await kubectl.exec(['get', _bgp_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .RESOURCE_OF */ .bA[o.kind], o.metadata.name, '--output', 'json'], { quiet: true });
        if (r.code === 0)
            live.set(o.kind, JSON.parse(r.stdout));
        else if (/NotFound|not found/.test(r.stderr) || CRD_MISSING_RE.test(r.stderr))
            live.set(o.kind, undefined);
        else
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`kubectl could not read ${_bgp_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .RESOURCE_OF */ .bA[o.kind]}/${o.metadata.name}: ${r.stderr.trim()}`);
    }));
    return live;
}
/** Every node's CiliumBGPNodeConfig (none when the CRD is not served). */
async function readBgpNodeConfigs(kubectl) {
    const r = await kubectl.exec(['get', 'ciliumbgpnodeconfigs.cilium.io', '--output', 'json'], { quiet: true });
    if (r.code !== 0) {
        if (CRD_MISSING_RE.test(r.stderr))
            return [];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`kubectl could not list the CiliumBGPNodeConfigs: ${r.stderr.trim() || `exit code ${r.code}`}`);
    }
    return (JSON.parse(r.stdout).items ?? []);
}


/***/ }),

/***/ 2908:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ alsoFailed),
/* harmony export */   OU: () => (/* binding */ setVerdict),
/* harmony export */   hm: () => (/* binding */ worstOf)
/* harmony export */ });
/** The worst outcome decides (fail, then inconclusive); when all pass, every reason is listed. */
function worstOf(outcomes) {
    const worst = outcomes.find((o) => o.verdict === 'fail') ?? outcomes.find((o) => o.verdict === 'inconclusive');
    if (worst)
        return { verdict: worst.verdict, reason: `${worst.check}: ${worst.reason}` };
    return { verdict: 'pass', reason: outcomes.map((o) => `${o.check}: ${o.reason}`).join('; ') };
}
/** The run so far, failed by one more judgement too: a pass gives way to it, a failure lists both reasons. */
function alsoFailed(run, failure) {
    return { verdict: 'fail', reason: run.verdict === 'pass' || !run.reason ? failure.reason : `${run.reason}; ${failure.reason}` };
}
function setVerdict(report, j) {
    report.verdict = j.verdict;
    report.reason = j.reason;
}


/***/ }),

/***/ 7610:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ configExpectation)
/* harmony export */ });
function configExpectation(config) {
    const wireguard = config?.['enable-wireguard'] === 'true';
    return {
        // Cilium's own default when the key is absent
        routing: config?.['routing-mode'] === 'native' ? 'native' : 'tunnel',
        encryption: wireguard ? 'wireguard' : config?.['enable-ipsec'] === 'true' ? 'ipsec' : 'none',
        nodeEncryption: wireguard && config?.['encrypt-node'] === 'true',
    };
}


/***/ })

};

//# sourceMappingURL=669.index.js.map