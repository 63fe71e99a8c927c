export const id = 4;
export const ids = [4];
export const modules = {

/***/ 6590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ judgeBgp)
/* harmony export */ });
function judgeBgp(nodeConfigs, nodes, bgp) {
    const byNode = new Map(nodeConfigs.map((c) => [c.metadata.name, c]));
    const rows = [...nodes].sort().map((node) => judgeNode(node, byNode.get(node), bgp));
    const established = rows.reduce((n, r) => n + r.established, 0);
    const expected = rows.reduce((n, r) => n + r.expected, 0);
    const failing = rows.filter((r) => !r.ok);
    const ok = rows.length > 0 && failing.length === 0;
    let reason;
    if (rows.length === 0)
        reason = 'no nodes to check';
    else if (ok)
        reason = `all ${rows.length} nodes have ${bgp.peers.length} established ${bgp.peers.length === 1 ? 'session' : 'sessions'} and advertise their pod CIDR (${established}/${expected})`;
    else {
        const shown = failing.slice(0, 3).map((r) => `${r.node}: ${r.problems.join('; ')}`);
        if (failing.length > 3)
            shown.push(`and ${failing.length - 3} more`);
        reason = `${failing.length} of ${rows.length} nodes fail, ${established}/${expected} sessions established (${shown.join(' | ')})`;
    }
    return { rows, established, expected, ok, reason };
}
function judgeNode(node, cfg, bgp) {
    const expected = bgp.peers.length;
    if (!cfg?.status?.bgpInstances?.length) {
        const problem = cfg
            ? 'its agent has written no BGP status yet'
            : 'no CiliumBGPNodeConfig (the node matches no BGP cluster config, or the operator has not created it)';
        return { node, established: 0, expected, advertising: 0, ok: false, problems: [problem] };
    }
    const instance = cfg.status.bgpInstances.find((i) => i.localASN === undefined || i.localASN === bgp.localAsn);
    const peers = instance?.peers ?? [];
    const problems = [];
    if (!instance)
        problems.push(`no BGP instance with local ASN ${bgp.localAsn}`);
    let established = 0;
    let advertising = 0;
    for (const want of bgp.peers) {
        const p = peers.find((x) => x.peerAddress === want.address);
        const state = p?.peeringState ?? 'unknown';
        if (!p)
            problems.push(`peer ${want.address}: no session`);
        else if (state !== 'established')
            problems.push(`peer ${want.address}: session ${state}`);
        else {
            established++;
            if ((p.routesAdvertised ?? 0) > 0)
                advertising++;
            else
                problems.push(`peer ${want.address}: established but the node advertises no route (its pod CIDR is missing)`);
        }
    }
    return { node, established, expected, advertising, ok: problems.length === 0, problems };
}


/***/ }),

/***/ 1789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ runOnAgents),
/* harmony export */   s: () => (/* binding */ readAgent)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _process_pool_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4871);
/* harmony import */ var _nodes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9543);
// Runs read-only commands in agent pods, with a per-exec time-out. Alternatives are tried in order
// when the binary is missing (older images have `cilium` where newer ones have `cilium-dbg`). Output
// on stdout counts even with a non-zero exit: Cilium's status commands exit 1 when something is
// unhealthy but still print the state.



const NOT_FOUND = /executable file not found|not found in \$PATH|no such file/i;
/** One command in every agent pod, concurrently with a bounded pool. */
async function runOnAgents(exec, namespace, agents, alternatives, opts) {
    exec.expect?.(agents.length);
    return (0,_process_pool_js__WEBPACK_IMPORTED_MODULE_1__/* .mapPool */ .P)(agents, opts.concurrency, (a) => runOnAgent(exec, namespace, a, alternatives, opts));
}
/** One command in one agent pod. */
async function runOnAgent(exec, namespace, a, alternatives, opts) {
    const run = (cmd) => exec(namespace, a.pod, _nodes_js__WEBPACK_IMPORTED_MODULE_2__/* .AGENT_CONTAINER */ .WJ, [...cmd], { timeoutMs: opts.perExecTimeoutMs });
    let r = await run(alternatives[0]);
    for (const alt of alternatives.slice(1)) {
        if (r.timedOut || r.code === 0 || !NOT_FOUND.test(r.stderr))
            break;
        r = await run(alt);
    }
    if (r.timedOut)
        return {
            node: a.node,
            pod: a.pod,
            error: `${opts.what} did not answer within ${Math.round(opts.perExecTimeoutMs / 1000)} s`,
            timedOut: true,
        };
    if (r.stdout.trim() === '')
        return { node: a.node, pod: a.pod, error: `exec failed (exit ${r.code}): ${r.stderr.trim().split('\n')[0] ?? ''}` };
    return { node: a.node, pod: a.pod, text: r.stdout };
}
async function readAgent(exec, namespace, a, read, opts) {
    const o = { ...opts, what: read.what };
    if (read.cheap) {
        const r = await runOnAgent(exec, namespace, a, read.cheap.alternatives, o);
        if (r.timedOut)
            return { node: a.node, error: r.error };
        const v = r.text === undefined ? undefined : read.cheap.accept(r.text);
        if (v !== undefined)
            return { node: a.node, value: v };
    }
    const r = await runOnAgent(exec, namespace, a, read.full.alternatives, o);
    if (r.text === undefined)
        return { node: a.node, error: r.error };
    try {
        return { node: a.node, value: read.full.parse(r.text) };
    }
    catch (e) {
        return { node: a.node, error: `output not understood: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}` };
    }
}


/***/ }),

/***/ 1681:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gX: () => (/* binding */ execFunction)
});

// UNUSED EXPORTS: directExec, execStatus, resolveCredentials

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/process/run.ts + 1 modules
var run = __webpack_require__(8641);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./src/cluster/ws-frames.ts
// WebSocket frames (RFC 6455) as the exec stream uses them: the server's frames read into whole
// messages (fragmented or not, ping answered, close), and the client's masked control frames.
// Split from exec-socket.ts, which speaks the handshake.

/** as the ws client's default: a larger message is refused */
const MAX_MESSAGE = 100 * 1024 * 1024;
/** A client frame: always masked (RFC 6455 5.3), here only pongs and small payloads. */
function maskedFrame(opcode, payload) {
    const len = Math.min(payload.length, 125);
    const frame = Buffer.alloc(6 + len);
    frame[0] = 0x80 | opcode;
    frame[1] = 0x80 | len;
    (0,external_node_crypto_.randomBytes)(4).copy(frame, 2);
    for (let i = 0; i < len; i++)
        frame[6 + i] = payload[i] ^ frame[2 + (i % 4)];
    return frame;
}
/** The server's frames, read from chunks as they arrive; each byte is copied at most once. */
class FrameReader {
    onMessage;
    onClose;
    onPing;
    onError;
    chunks = [];
    size = 0;
    fragments = [];
    fragmentsSize = 0;
    done = false;
    constructor(onMessage, onClose, onPing, onError) {
        this.onMessage = onMessage;
        this.onClose = onClose;
        this.onPing = onPing;
        this.onError = onError;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (!this.done && this.frame())
            ;
    }
    /** Reads one frame when it is all there; false when more bytes are needed. */
    frame() {
        if (this.size < 2)
            return false;
        const b0 = this.byteAt(0);
        const b1 = this.byteAt(1);
        let len = b1 & 0x7f;
        let headLen = 2;
        if (len === 126) {
            if (this.size < 4)
                return false;
            len = (this.byteAt(2) << 8) | this.byteAt(3);
            headLen = 4;
        }
        else if (len === 127) {
            if (this.size < 10)
                return false;
            // above 2^53 is refused as too large anyway
            len = 0;
            for (let i = 2; i < 10; i++)
                len = len * 256 + this.byteAt(i);
            headLen = 10;
        }
        if (b0 & 0x70 || b1 & 0x80)
            return this.error('a reserved bit or a mask on a server frame');
        if (len + this.fragmentsSize > MAX_MESSAGE)
            return this.error('a message over 100 MiB');
        if (this.size < headLen + len)
            return false;
        this.take(headLen);
        const payload = this.take(len);
        const opcode = b0 & 0x0f;
        const fin = (b0 & 0x80) !== 0;
        if (opcode === 0x8) {
            this.done = true;
            this.onClose();
        }
        else if (opcode === 0x9)
            this.onPing(payload);
        else if (opcode === 0xa)
            return true;
        else if (opcode <= 0x2) {
            if ((opcode === 0) !== this.fragments.length > 0)
                return this.error('a continuation frame out of place');
            if (fin && this.fragments.length === 0)
                this.onMessage(payload);
            else {
                this.fragments.push(payload);
                this.fragmentsSize += payload.length;
                if (fin) {
                    const whole = Buffer.concat(this.fragments, this.fragmentsSize);
                    this.fragments = [];
                    this.fragmentsSize = 0;
                    this.onMessage(whole);
                }
            }
        }
        else
            return this.error(`an unknown opcode ${opcode}`);
        return true;
    }
    error(what) {
        this.done = true;
        this.onError(`exec connection failed: the server sent ${what}`);
        return false;
    }
    byteAt(i) {
        for (const c of this.chunks) {
            if (i < c.length)
                return c[i];
            i -= c.length;
        }
        return 0;
    }
    take(n) {
        this.size -= n;
        const first = this.chunks[0];
        if (first !== undefined && first.length >= n) {
            if (first.length === n)
                this.chunks.shift();
            else
                this.chunks[0] = first.subarray(n);
            return first.subarray(0, n);
        }
        const out = Buffer.allocUnsafe(n);
        let off = 0;
        while (off < n) {
            const c = this.chunks[0];
            const k = Math.min(c.length, n - off);
            c.copy(out, off, 0, k);
            off += k;
            if (k === c.length)
                this.chunks.shift();
            else
                this.chunks[0] = c.subarray(k);
        }
        return out;
    }
}

;// CONCATENATED MODULE: ./src/cluster/exec-socket.ts
// The client side of one exec WebSocket (RFC 6455), as lean as the API server's exec stream allows:
// one request written at once, the 101 answer checked (accept key, subprotocol), then the server's
// frames read into whole messages. An exec is one short stream per command, so a fleet's per-pair
// checks open thousands of them: the general-purpose client (http.ClientRequest, stream-based
// receiver and sender) cost more CPU per exec than the output itself. Only what the exec stream
// uses is spoken: binary/text messages, fragmented or not, ping (answered), pong, close.




const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const MAX_HEAD = 16 * 1024;
// the handshake keys come from one random pool: a call into the CSPRNG per key costs more than the key
const KEYS_PER_FILL = 256;
let pool = Buffer.alloc(0);
let used = 0;
function randomKey() {
    if (used === pool.length) {
        pool = (0,external_node_crypto_.randomBytes)(16 * KEYS_PER_FILL);
        used = 0;
    }
    used += 16;
    return pool.toString('base64', used - 16, used);
}
/**
 * Opens the exec stream at path (with its query) on conn (from `warmSockets(() => connectTo(target))`);
 * returns what ends it early.
 */
function openExecSocket(target, conn, path, protocols, on) {
    const key = randomKey();
    const { socket } = conn;
    let ended = false;
    const end = () => {
        ended = true;
        socket.destroy();
    };
    const fail = (message) => {
        if (ended)
            return;
        end();
        on.failed(message);
    };
    const request = () => void socket.write(upgradeRequest(target, path, key, protocols));
    if (conn.ready)
        request();
    else
        socket.once(readyEvent(target), request);
    let head = Buffer.alloc(0);
    const frames = new FrameReader((data) => !ended && on.message(data), () => {
        if (ended)
            return;
        end();
        on.closed();
    }, (payload) => !ended && socket.write(maskedFrame(0xa, payload)), fail);
    socket.on('data', (chunk) => {
        if (ended)
            return;
        if (head === undefined)
            return frames.push(chunk);
        head = Buffer.concat([head, chunk]);
        const at = head.indexOf('\r\n\r\n');
        if (at < 0) {
            if (head.length > MAX_HEAD)
                fail('exec connection failed: the upgrade answer has no end');
            return;
        }
        const problem = upgradeProblem(head.toString('latin1', 0, at), key, protocols);
        const rest = head.subarray(at + 4);
        head = undefined;
        if (problem)
            return fail(problem);
        if (rest.length > 0)
            frames.push(rest);
    });
    socket.on('error', (e) => fail(`exec connection failed: ${e.message}`));
    socket.on('close', () => {
        if (ended)
            return;
        if (head !== undefined)
            return fail('exec connection failed: the server closed the connection during the upgrade');
        ended = true;
        on.closed();
    });
    return end;
}
const readyEvent = (target) => (target.secure ? 'secureConnect' : 'connect');
/** A new connection to the target, and the event that says it is ready for the upgrade request. */
function connectTo(target) {
    return { socket: connect(target), readyEvent: readyEvent(target) };
}
function connect(target) {
    if (!target.secure)
        return (0,external_node_net_.connect)({ host: target.host, port: target.port });
    return (0,external_node_tls_.connect)({
        host: target.host,
        port: target.port,
        ...target.tls,
        servername: target.tls.servername ?? ((0,external_node_net_.isIP)(target.host) ? undefined : target.host),
        ALPNProtocols: ['http/1.1'],
    });
}
/** The HTTP/1.1 upgrade request, in one write. */
function upgradeRequest(target, path, key, protocols) {
    return (`GET ${path} HTTP/1.1\r\nHost: ${target.hostHeader}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
        `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Protocol: ${protocols.join(', ')}\r\n${target.headerLines}\r\n`);
}
/** Why the answer to the upgrade request is not a WebSocket on one of our subprotocols, or undefined. */
function upgradeProblem(head, key, protocols) {
    const lines = head.split('\r\n');
    const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1];
    if (status !== '101')
        return `exec refused by the API server: HTTP ${status ?? '(no status line)'}`;
    const headers = new Map();
    for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0)
            headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    if (headers.get('upgrade')?.toLowerCase() !== 'websocket')
        return 'exec connection failed: the upgrade answer is not a WebSocket';
    const accept = (0,external_node_crypto_.createHash)('sha1')
        .update(key + GUID)
        .digest('base64');
    if (headers.get('sec-websocket-accept') !== accept)
        return 'exec connection failed: the upgrade answer has a wrong Sec-WebSocket-Accept';
    const protocol = headers.get('sec-websocket-protocol');
    if (protocol === undefined || !protocols.includes(protocol))
        return `exec connection failed: the server chose the subprotocol ${protocol ?? '(none)'}, not one offered`;
    return undefined;
}

;// CONCATENATED MODULE: ./src/cluster/warm-sockets.ts
const SPARE_IDLE_MS = 5_000;
/** `connect` opens a connection and names the event that says it is ready (connect or secureConnect). */
function warmSockets(connect, idleMs = SPARE_IDLE_MS) {
    const spares = [];
    let inFlight = 0;
    let ahead = 0;
    const open = () => {
        const { socket, readyEvent } = connect();
        const conn = { socket, ready: false };
        socket.once(readyEvent, () => (conn.ready = true));
        return conn;
    };
    const spare = () => {
        const conn = open();
        // a spare's failure shows when it is taken (it is then passed over); until then it is only noted
        conn.socket.on('error', () => undefined);
        conn.socket.unref();
        conn.socket.setTimeout(idleMs, () => conn.socket.destroy());
        spares.push(conn);
    };
    const usable = (c) => !c.socket.destroyed && !c.socket.readableEnded;
    return {
        take() {
            let conn;
            while ((conn = spares.shift()) && !usable(conn))
                conn.socket.destroy();
            if (conn) {
                conn.socket.setTimeout(0);
                conn.socket.ref();
                conn.socket.removeAllListeners('error');
            }
            else
                conn = open();
            inFlight++;
            if (ahead > 0)
                ahead--;
            // the connections the next execs take: as many as follow, at most one per exec in flight
            while (spares.length < Math.min(inFlight, ahead))
                spare();
            return conn;
        },
        release() {
            inFlight--;
        },
        expect(n) {
            ahead = Math.max(0, n);
        },
    };
}

;// CONCATENATED MODULE: ./src/cluster/direct-exec.ts
// `kubectl exec` without a kubectl process: the API server's exec endpoint over a WebSocket
// (v5.channel.k8s.io), with the credentials of the current kubeconfig context. For the agents
// check on large fleets, where one process per agent costs more than the exec itself (see
// BENCHMARKS.md). Anything it does not handle (auth providers, proxies) falls back to kubectl.




const b64 = (s) => (typeof s === 'string' && s ? Buffer.from(s, 'base64') : undefined);
/** Credentials from `kubectl config view --raw --minify --flatten`, or undefined when only kubectl can handle them. */
async function resolveCredentials(kubectl, env) {
    if (env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy)
        return undefined;
    const r = await kubectl.exec(['config', 'view', '--raw', '--minify', '--flatten', '--output', 'json'], { quiet: true });
    if (r.code !== 0)
        return undefined;
    const cfg = JSON.parse(r.stdout);
    const cluster = cfg.clusters?.[0]?.cluster;
    const user = cfg.users?.[0]?.user ?? {};
    if (!cluster || typeof cluster.server !== 'string' || cluster['proxy-url'] || user['auth-provider'])
        return undefined;
    const creds = {
        server: cluster.server.replace(/\/+$/, ''),
        headers: {},
        ca: b64(cluster['certificate-authority-data']),
        insecure: cluster['insecure-skip-tls-verify'] === true,
        servername: typeof cluster['tls-server-name'] === 'string' ? cluster['tls-server-name'] : undefined,
        cert: b64(user['client-certificate-data']),
        key: b64(user['client-key-data']),
    };
    let token = typeof user.token === 'string' ? user.token : undefined;
    if (!token && typeof user.tokenFile === 'string')
        token = (0,external_node_fs_.readFileSync)(user.tokenFile, 'utf8').trim();
    if (!token && user.exec) {
        const fromPlugin = await execPlugin(user.exec, env);
        if (!fromPlugin)
            return undefined;
        token = fromPlugin.token;
        creds.cert ??= fromPlugin.cert;
        creds.key ??= fromPlugin.key;
        creds.expiresAt = fromPlugin.expiresAt;
    }
    // the header is written into the upgrade request as is: a token with a line break is kubectl's to refuse
    if (token && /[\r\n]/.test(token))
        return undefined;
    if (token)
        creds.headers.Authorization = `Bearer ${token}`;
    else if (typeof user.username === 'string' && typeof user.password === 'string') {
        creds.headers.Authorization = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
    }
    return creds;
}
/** A client-go exec credential plugin (e.g. kubelogin on AKS), run once. */
async function execPlugin(exec, env) {
    if (typeof exec.command !== 'string')
        return undefined;
    const extra = Array.isArray(exec.env)
        ? Object.fromEntries(exec.env.map((e) => [e.name, e.value]))
        : {};
    const info = { apiVersion: exec.apiVersion ?? 'client.authentication.k8s.io/v1', kind: 'ExecCredential', spec: { interactive: false } };
    const r = await (0,run/* runProcess */.R)(exec.command, Array.isArray(exec.args) ? exec.args : [], {
        env: { ...env, ...extra, KUBERNETES_EXEC_INFO: JSON.stringify(info) },
        timeoutMs: 60_000,
        quiet: true,
    });
    if (r.code !== 0)
        return undefined;
    const status = JSON.parse(r.stdout).status ?? {};
    const cert = typeof status.clientCertificateData === 'string' ? Buffer.from(status.clientCertificateData) : undefined;
    const key = typeof status.clientKeyData === 'string' ? Buffer.from(status.clientKeyData) : undefined;
    const expiresAt = typeof status.expirationTimestamp === 'string' ? Date.parse(status.expirationTimestamp) : NaN;
    return {
        token: typeof status.token === 'string' ? status.token : undefined,
        cert,
        key,
        expiresAt: Number.isNaN(expiresAt) ? undefined : expiresAt,
    };
}
/**
 * The v4/v5 status channel: a Status object, Success, or Failure with reason NonZeroExitCode and
 * the code, or another Failure (e.g. the executable not found) whose message kubectl prints.
 */
function execStatus(status) {
    try {
        const s = JSON.parse(status);
        if (s.status === 'Success')
            return { code: 0 };
        const cause = s.details?.causes?.find((c) => c.reason === 'ExitCode');
        if (s.reason === 'NonZeroExitCode' && cause?.message && /^\d+$/.test(cause.message))
            return { code: Number(cause.message) };
        return { code: 1, message: s.message };
    }
    catch {
        return { code: 1, message: status };
    }
}
function directExec(creds) {
    // what every exec shares, worked out once: a fleet's checks open thousands of exec streams
    const target = socketTarget(creds);
    const base = new URL(creds.server).pathname.replace(/\/+$/, '');
    const query = commandQueries();
    const sockets = warmSockets(() => connectTo(target));
    const exec = (namespace, pod, container, command, opts) => execOver(target, sockets, `${base}/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/exec?${query(command, container)}`, opts.timeoutMs);
    exec.expect = (n) => sockets.expect(n);
    return exec;
}
function socketTarget(creds) {
    const url = new URL(creds.server);
    const secure = url.protocol === 'https:' || url.protocol === 'wss:';
    return {
        secure,
        host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: Number(url.port) || (secure ? 443 : 80),
        hostHeader: url.host,
        headerLines: Object.entries(creds.headers)
            .map(([k, v]) => `${k}: ${v}\r\n`)
            .join(''),
        tls: { ca: creds.ca, cert: creds.cert, key: creds.key, rejectUnauthorized: !creds.insecure, servername: creds.servername },
    };
}
/** The exec query of a command: a fleet's execs repeat a few commands, so each one's is built once. */
function commandQueries() {
    const queries = new Map();
    return (command, container) => {
        const id = JSON.stringify([command, container]);
        let q = queries.get(id);
        if (q === undefined) {
            const p = new URLSearchParams();
            for (const c of command)
                p.append('command', c);
            if (container)
                p.set('container', container);
            p.set('stdout', 'true');
            p.set('stderr', 'true');
            if (queries.size >= 64)
                queries.clear();
            queries.set(id, (q = p.toString()));
        }
        return q;
    };
}
const direct_exec_text = (chunks) => (chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'));
/** One exec stream: stdout and stderr collected, the exit code from the status channel. */
function execOver(target, sockets, path, timeoutMs) {
    return new Promise((resolve) => {
        const out = [];
        const err = [];
        let status = '';
        let done = false;
        const finish = (r) => {
            if (done)
                return;
            done = true;
            sockets.release();
            clearTimeout(timer);
            resolve({ code: 1, stdout: direct_exec_text(out), stderr: direct_exec_text(err), timedOut: false, ...r });
        };
        const settle = () => {
            if (done)
                return;
            const st = status ? execStatus(status) : { code: 1, message: 'the exec stream closed without a status' };
            if (st.message)
                err.push(Buffer.from(`${st.message}\n`));
            finish({ code: st.code });
        };
        const close = openExecSocket(target, sockets.take(), path, ['v5.channel.k8s.io', 'v4.channel.k8s.io'], {
            message: (data) => {
                const channel = data[0];
                const body = data.subarray(1);
                if (channel === 1)
                    out.push(body);
                else if (channel === 2)
                    err.push(body);
                else if (channel === 3) {
                    // the status is the stream's last message (the API server sends it once the command has
                    // exited and its output is written): done, without waiting for the close handshake, whose
                    // socket teardown costs more than the exec's own frames on a large fleet
                    status += body.toString('utf8');
                    settle();
                    close();
                }
            },
            failed: (message) => finish({ code: 1, stderr: message }),
            closed: settle,
        });
        const timer = setTimeout(() => {
            close();
            finish({ timedOut: true, code: 124 });
        }, timeoutMs);
    });
}
/** The direct client when the kubeconfig allows it, else kubectl exec (one process per call). */
async function execFunction(kubectl) {
    const viaKubectl = (ns, pod, container, command, opts) => kubectl.execIn(ns, pod, container, command, { timeoutMs: opts.timeoutMs, quiet: true });
    const creds = await credentialsOf(kubectl);
    return creds ? directExec(creds) : viaKubectl;
}
// The credentials of a kubeconfig are read once and reused while they hold: the agents check, the
// per-pair checks and every gate of a staged run would otherwise each run `kubectl config view` and
// the exec plugin (kubelogin: seconds). Reused for at most REUSE_MS, and never within
// EXPIRY_MARGIN_MS of the expiry the plugin gave.
const REUSE_MS = 5 * 60_000;
const EXPIRY_MARGIN_MS = 60_000;
const remembered = new WeakMap();
async function credentialsOf(kubectl) {
    const now = Date.now();
    const known = remembered.get(kubectl);
    if (known && now < known.until)
        return known.creds;
    const entry = { creds: resolveCredentials(kubectl, kubectl.env).catch(() => undefined), until: now + REUSE_MS };
    remembered.set(kubectl, entry);
    const creds = await entry.creds;
    if (creds?.expiresAt !== undefined)
        entry.until = Math.min(entry.until, creds.expiresAt - EXPIRY_MARGIN_MS);
    return creds;
}


/***/ }),

/***/ 9543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WJ: () => (/* binding */ AGENT_CONTAINER),
/* harmony export */   dE: () => (/* binding */ optsOutOfNodeEncryption),
/* harmony export */   iR: () => (/* binding */ listNodes),
/* harmony export */   vc: () => (/* binding */ listAgents)
/* harmony export */ });
const AGENT_SELECTOR = 'k8s-app=cilium';
const AGENT_CONTAINER = 'cilium-agent';
/** Cilium's default `node-encryption-opt-out-labels` */
const NODE_ENCRYPTION_OPT_OUT_LABEL = 'node-role.kubernetes.io/control-plane';
/** The node carries Cilium's default node-encryption opt-out label: its agent reports NodeEncryption OptedOut. */
function optsOutOfNodeEncryption(node) {
    return node.labels[NODE_ENCRYPTION_OPT_OUT_LABEL] !== undefined;
}
async function listNodes(kubectl) {
    const items = await kubectl.list('nodes', undefined);
    return items.map((n) => ({
        name: n.metadata.name,
        ready: conditionTrue(n, 'Ready'),
        schedulable: !n.spec?.unschedulable,
        labels: n.metadata.labels ?? {},
    }));
}
async function listAgents(kubectl, namespace) {
    const items = await kubectl.list('pods', namespace, AGENT_SELECTOR);
    return items
        .filter((p) => p.metadata.deletionTimestamp === undefined)
        .map((p) => {
        const a = {
            pod: p.metadata.name,
            node: String(p.spec?.nodeName ?? ''),
            ready: conditionTrue(p, 'Ready'),
        };
        const startedAt = agentStartedAt(p);
        if (startedAt)
            a.startedAt = startedAt;
        return a;
    });
}
function agentStartedAt(p) {
    const statuses = p.status
        ?.containerStatuses ?? [];
    return statuses.find((c) => c.name === AGENT_CONTAINER)?.state?.running?.startedAt;
}
function conditionTrue(o, type) {
    const conditions = o.status?.conditions ?? [];
    return conditions.some((c) => c.type === type && c.status === 'True');
}


/***/ }),

/***/ 7492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D7: () => (/* binding */ PROBE_PORT),
/* harmony export */   PO: () => (/* binding */ probeNamespaceObject),
/* harmony export */   ZK: () => (/* binding */ yamlDocs),
/* harmony export */   gx: () => (/* binding */ probePod),
/* harmony export */   ms: () => (/* binding */ probeManifest),
/* harmony export */   vC: () => (/* binding */ probeNamespaceName)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
// The cross-node probe's objects (pure): a namespace of its own and two pods pinned to two nodes.

const PROBE_LABEL = 'app.kubernetes.io/managed-by';
const PROBE_LABEL_VALUE = 'cilium-native-routing-action';
const PROBE_PORT = 8080;
/** One probe pod pinned to a node; tolerates every taint (AKS system pools are often tainted). */
function probePod(namespace, name, node, image, container) {
    const labels = { [PROBE_LABEL]: PROBE_LABEL_VALUE };
    return {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace, labels: { ...labels, 'app.kubernetes.io/name': name } },
        spec: {
            nodeName: node,
            tolerations: [{ operator: 'Exists' }],
            terminationGracePeriodSeconds: 1,
            automountServiceAccountToken: false,
            containers: [
                {
                    name: 'agnhost',
                    image,
                    command: container.command,
                    args: container.args,
                    ports: container.server ? [{ containerPort: PROBE_PORT }] : undefined,
                    readinessProbe: container.server ? { tcpSocket: { port: PROBE_PORT }, periodSeconds: 1 } : undefined,
                    securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, runAsUser: 65534, capabilities: { drop: ['ALL'] } },
                },
            ],
        },
    };
}
const probeNamespaceObject = (name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { [PROBE_LABEL]: PROBE_LABEL_VALUE } },
});
const yamlDocs = (docs) => docs.map((d) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)(d, { lineWidth: 0 })).join('---\n');
/** Per pair i: probe-server-i (agnhost netexec) and probe-client-i (agnhost pause, connections are exec'd). */
function probeManifest(p) {
    const docs = [
        probeNamespaceObject(p.namespace),
        ...p.pairs.flatMap(([client, server], i) => [
            probePod(p.namespace, `probe-server-${i}`, server, p.image, { args: ['netexec', `--http-port=${PROBE_PORT}`], server: true }),
            probePod(p.namespace, `probe-client-${i}`, client, p.image, { args: ['pause'] }),
        ]),
    ];
    return yamlDocs(docs);
}
function probeNamespaceName(suffix) {
    return `cnra-probe-${suffix}`
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '')
        .slice(0, 63);
}


/***/ }),

/***/ 2403:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E0: () => (/* binding */ withProgress),
/* harmony export */   Ub: () => (/* binding */ podsReady),
/* harmony export */   XP: () => (/* binding */ rolloutProgress)
/* harmony export */ });
/* unused harmony export describeRollout */
/* harmony import */ var _log_safe_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6278);
// Long waits (helm upgrade --wait, kubectl rollout status, the probe pods) print what is pending
// when they start and at least every 30 s, so a log of a large cluster never goes quiet for minutes.

const PROGRESS_EVERY_MS = 30_000;
/** Runs `work`, logging `status()` once at the start and then every PROGRESS_EVERY_MS until it settles. */
async function withProgress(what, status, work) {
    const started = Date.now();
    let busy = false;
    const report = async () => {
        if (busy)
            return;
        busy = true;
        try {
            const s = await status().catch(() => 'status unavailable');
            (0,_log_safe_log_js__WEBPACK_IMPORTED_MODULE_0__/* .logInfo */ .f)(`${what} (${Math.round((Date.now() - started) / 1000)} s): ${s}`);
        }
        finally {
            busy = false;
        }
    };
    const timer = setInterval(() => void report(), PROGRESS_EVERY_MS);
    try {
        const [result] = await Promise.all([work(), report()]);
        return result;
    }
    finally {
        clearInterval(timer);
    }
}
/** Pure: e.g. `agents: 37/50 updated, 35 ready`. */
function describeRollout(label, kind, status) {
    if (!status)
        return `${label}: not found`;
    const want = (kind === 'daemonset' ? status.desiredNumberScheduled : status.replicas) ?? 0;
    const updated = (kind === 'daemonset' ? status.updatedNumberScheduled : status.updatedReplicas) ?? 0;
    const ready = (kind === 'daemonset' ? status.numberReady : status.readyReplicas) ?? 0;
    return `${label}: ${updated}/${want} updated, ${ready} ready`;
}
/** The agents' and the operator's rollout, read without a log line of its own. */
async function rolloutProgress(kubectl, namespace) {
    const read = async (kind, name) => {
        const r = await kubectl.exec(['get', kind, name, '--namespace', namespace, '--output', 'json'], { quiet: true, timeoutMs: 20_000 });
        return r.code === 0 ? (JSON.parse(r.stdout).status ?? {}) : undefined;
    };
    const [agents, operator] = await Promise.all([read('daemonset', 'cilium'), read('deployment', 'cilium-operator')]);
    return `${describeRollout('agents', 'daemonset', agents)}; ${describeRollout('operator', 'deployment', operator)}`;
}
/** Pods of a namespace that are ready, e.g. `probe pods: 1/2 ready`. */
async function podsReady(kubectl, namespace, label) {
    const r = await kubectl.exec(['get', 'pods', '--namespace', namespace, '--output', 'json'], { quiet: true, timeoutMs: 20_000 });
    if (r.code !== 0)
        return `${label}: not readable yet`;
    const pods = JSON.parse(r.stdout).items ?? [];
    const ready = pods.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
    return `${label}: ${ready}/${pods.length} ready`;
}


/***/ }),

/***/ 3497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BI: () => (/* binding */ OPERATOR_DEPLOYMENT),
/* harmony export */   BK: () => (/* binding */ AGENT_DAEMONSET),
/* harmony export */   RQ: () => (/* binding */ waitRollout),
/* harmony export */   XT: () => (/* binding */ restartCilium),
/* harmony export */   g7: () => (/* binding */ liveCiliumConfig)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _nodes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9543);
/* harmony import */ var _progress_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2403);
// The chart does not restart the agents when cilium-config changes (rollOutCiliumPods defaults to
// false): they keep the old datapath until restarted. So the action restarts them and waits.



const AGENT_DAEMONSET = 'daemonset/cilium';
const OPERATOR_DEPLOYMENT = 'deployment/cilium-operator';
async function restartCilium(kubectl, namespace, deadline) {
    for (const workload of [AGENT_DAEMONSET, OPERATOR_DEPLOYMENT]) {
        await kubectl.run(['rollout', 'restart', workload, '--namespace', namespace], `restart ${workload}`);
    }
    for (const workload of [AGENT_DAEMONSET, OPERATOR_DEPLOYMENT])
        await waitRollout(kubectl, namespace, workload, deadline);
}
/** Waits for a workload's rollout, with progress; names the agents that are not ready when it does not finish. */
async function waitRollout(kubectl, namespace, workload, deadline) {
    const left = Math.max(1, Math.ceil((deadline - Date.now()) / 1000));
    const r = await (0,_progress_js__WEBPACK_IMPORTED_MODULE_1__/* .withProgress */ .E0)(`kubectl rollout status ${workload}`, () => (0,_progress_js__WEBPACK_IMPORTED_MODULE_1__/* .rolloutProgress */ .XP)(kubectl, namespace), () => kubectl.exec(['rollout', 'status', workload, '--namespace', namespace, `--timeout=${left}s`], {
        timeoutMs: left * 1000 + 15_000,
        echo: true,
    }));
    if (r.code !== 0 || r.timedOut) {
        const agents = await (0,_nodes_js__WEBPACK_IMPORTED_MODULE_2__/* .listAgents */ .vc)(kubectl, namespace).catch(() => []);
        const notReady = agents.filter((a) => !a.ready).map((a) => `${a.pod} on ${a.node}`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${workload} did not finish rolling out: ${r.timedOut ? 'timed out' : r.stderr.trim() || r.stdout.trim()}${notReady.length ? `. Agents not ready: ${notReady.join(', ')}` : ''}`, {
            hint: 'Check the named pods (kubectl describe pod / kubectl logs -c cilium-agent). WireGuard needs UDP 51871 open between nodes (Azure NSG).',
        });
    }
}
/** cilium-config as the cluster has it now (undefined when missing). */
async function liveCiliumConfig(kubectl, namespace) {
    const cm = await kubectl.get('configmap', 'cilium-config', namespace);
    return cm ? (cm.data ?? {}) : undefined;
}


/***/ }),

/***/ 7890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ pickProbePairs)
/* harmony export */ });
// Which node pairs the continuous probe watches (pure): distinct nodes, spread over node pools and
// zones when the node labels say so, so that a pool or zone restarting on its own is seen too.
const POOL = ['kubernetes.azure.com/agentpool', 'agentpool'];
const ZONE = 'topology.kubernetes.io/zone';
function groupKey(n) {
    const pool = POOL.map((k) => n.labels[k]).find((v) => v !== undefined) ?? '';
    return `${pool}/${n.labels[ZONE] ?? ''}`;
}
/** Nodes in round-robin order over their pool/zone groups (names sorted within a group). */
function spread(nodes) {
    const groups = new Map();
    for (const n of [...nodes].sort((a, b) => a.name.localeCompare(b.name))) {
        const k = groupKey(n);
        groups.set(k, [...(groups.get(k) ?? []), n]);
    }
    const lists = [...groups.keys()].sort().map((k) => groups.get(k));
    const out = [];
    for (let i = 0; out.length < nodes.length; i++)
        for (const l of lists)
            if (l[i] !== undefined)
                out.push(l[i]);
    return out;
}
/**
 * Up to `count` distinct (client, server) pairs of distinct nodes. Each client is paired with a node
 * about half the list away (nodes near each other in a name-ordered rollout restart together, so a
 * pair of neighbours would hide the split), in another pool or zone when there is one; each node is in
 * one pair while there are enough nodes, then every other ordered pair follows.
 */
function pickProbePairs(nodes, count) {
    const order = spread(nodes);
    const n = order.length;
    const pairs = [];
    if (n < 2 || count < 1)
        return pairs;
    const used = new Set();
    const half = Math.floor(n / 2);
    for (let i = 0; i < n && pairs.length < count; i++) {
        if (used.has(i))
            continue;
        const free = Array.from({ length: n - 1 }, (_, k) => (i + half + k) % n).filter((j) => j !== i && !used.has(j));
        const j = free.find((x) => groupKey(order[x]) !== groupKey(order[i])) ?? free[0];
        if (j === undefined)
            break;
        used.add(i).add(j);
        pairs.push([order[i].name, order[j].name]);
    }
    const seen = new Set(pairs.map((p) => p.join(' ')));
    for (let step = 1; step < n && pairs.length < count; step++) {
        for (let i = 0; i < n && pairs.length < count; i++) {
            const pair = [order[i].name, order[(i + step) % n].name];
            if (seen.has(pair.join(' ')))
                continue;
            seen.add(pair.join(' '));
            pairs.push(pair);
        }
    }
    return pairs;
}


/***/ }),

/***/ 1662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  J: () => (/* binding */ runChecks)
});

// EXTERNAL MODULE: ./src/log/safe-log.ts
var safe_log = __webpack_require__(6278);
// EXTERNAL MODULE: ./src/report/steps.ts
var steps = __webpack_require__(21);
// EXTERNAL MODULE: ./src/steps/agents.ts + 1 modules
var steps_agents = __webpack_require__(111);
// EXTERNAL MODULE: ./src/steps/bgp-check.ts + 2 modules
var bgp_check = __webpack_require__(5488);
// EXTERNAL MODULE: ./src/cluster/progress.ts
var progress = __webpack_require__(2403);
// EXTERNAL MODULE: ./src/process/run.ts + 1 modules
var run = __webpack_require__(8641);
;// CONCATENATED MODULE: ./src/steps/connectivity-tests.ts
// `connectivity-tests`: a subset of the Cilium CLI's connectivity test, beside the action's own probe.


async function connectivityTests(ctx, session, deadline) {
    const { config } = ctx;
    const args = ['connectivity', 'test', '--test', config.connectivityTests, '--namespace', config.namespace];
    if (config.context)
        args.push('--context', config.context);
    const r = await (0,progress/* withProgress */.E0)('cilium connectivity test', async () => `--test ${config.connectivityTests} still running`, () => (0,run/* runProcess */.R)(session.cilium, args, { env: session.access.env, timeoutMs: Math.max(30_000, deadline - Date.now()), echo: true }));
    const tail = (r.stdout + r.stderr).trim().split('\n').slice(-3).join(' ');
    return r.code === 0 && !r.timedOut
        ? { check: 'cilium connectivity test', verdict: 'pass', reason: `--test ${config.connectivityTests} passed` }
        : { check: 'cilium connectivity test', verdict: 'fail', reason: r.timedOut ? 'timed out' : tail };
}

// EXTERNAL MODULE: ./src/steps/fleet.ts
var steps_fleet = __webpack_require__(4071);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(6058);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/verify/flows/points.ts
// Hubble's trace observation points, by name, by enum number and by trace event sub-type
// (Cilium api/v1/flow/flow.proto and pkg/monitor/api/types.go).
/** `event_type.type` of a trace event; its `sub_type` is the observation point. */
const TRACE_EVENT = 4;
/** Trace sub-type → observation point name. TO_ENDPOINT is sub-type 0 in the event but 101 as an enum. */
const BY_SUB_TYPE = [
    'TO_ENDPOINT',
    'TO_PROXY',
    'TO_HOST',
    'TO_STACK',
    'TO_OVERLAY',
    'FROM_ENDPOINT',
    'FROM_PROXY',
    'FROM_HOST',
    'FROM_STACK',
    'FROM_OVERLAY',
    'FROM_NETWORK',
    'TO_NETWORK',
    'FROM_CRYPTO',
    'TO_CRYPTO',
];
/** Key for flows that carry no observation point (L7, policy verdicts, drops, socket traces). */
const NO_POINT = 'NONE';
/** Key for trace flows whose sub-type is not one we know. */
const UNKNOWN_POINT = 'UNKNOWN';
/** The enum's zero value: protojson omits it, other encoders may print it; it means "no name". */
const UNKNOWN_POINT_NAME = 'UNKNOWN_POINT';
const OVERLAY_POINT = 'TO_OVERLAY';
/** Where traffic leaves a node: the points at which a cross-node flow is counted. */
const LEAVES_NODE = new Set(['TO_NETWORK', 'TO_OVERLAY', 'TO_CRYPTO']);
function pointOfSubType(sub) {
    return BY_SUB_TYPE[sub] ?? UNKNOWN_POINT;
}
/** The enum number of `trace_observation_point` (when printed as a number) → its name. */
function pointOfEnum(n) {
    if (n === 0)
        return undefined;
    if (n === 101)
        return 'TO_ENDPOINT';
    return n > 0 && n < BY_SUB_TYPE.length ? BY_SUB_TYPE[n] : UNKNOWN_POINT;
}
/**
 * The observation point of a flow: its name when present, else (trace events only) the name of its
 * sub-type, else NO_POINT. This is the single rule both the token scan and the full parse apply.
 */
function resolvePoint(name, type, sub) {
    if (name !== undefined && name !== '' && name !== UNKNOWN_POINT_NAME)
        return name;
    if (type === TRACE_EVENT)
        return pointOfSubType(sub ?? 0);
    return NO_POINT;
}
/** Compact/table text prints the point as e.g. `to-overlay`; anything else in that column is not a point. */
const BY_TEXT = new Map(BY_SUB_TYPE.map((p) => [p.toLowerCase().replace('_', '-'), p]));
function pointOfText(type) {
    return BY_TEXT.get(type) ?? NO_POINT;
}
/** Every name the scanner matches by bytes; an index into this list is a point id. */
const KNOWN_POINTS = [...BY_SUB_TYPE, NO_POINT, UNKNOWN_POINT, UNKNOWN_POINT_NAME];
const POINT_ID = new Map(KNOWN_POINTS.map((p, i) => [p, i]));

;// CONCATENATED MODULE: ./src/verify/flows/stats.ts
// Counters for one stream, and the merge of several streams into one result.

const OVERLAY_ID = POINT_ID.get(OVERLAY_POINT);
const LEAVES_NODE_IDS = new Set([...LEAVES_NODE].map((p) => POINT_ID.get(p)));
function emptyStats() {
    return {
        flowsObserved: 0,
        crossNodeFlows: 0,
        overlayFlows: 0,
        lostEvents: 0,
        lostEventLines: 0,
        malformedLines: 0,
        otherLines: 0,
        byObservationPoint: {},
        overlayExamples: [],
        malformedExamples: [],
        formats: { jsonpb: 0, json: 0, compact: 0, table: 0 },
        fullyParsedLines: 0,
    };
}
class StatsBuilder {
    maxExamples;
    maxMalformed;
    stats = emptyStats();
    // counting by point id avoids making a string per flow on the hot path
    byId = new Array(KNOWN_POINTS.length).fill(0);
    byName = new Map();
    constructor(maxExamples, maxMalformed) {
        this.maxExamples = maxExamples;
        this.maxMalformed = maxMalformed;
    }
    /** Counts a flow; `point` is an id from POINT_ID or a name. Returns true when an example is wanted. */
    flow(format, point, bothPods) {
        const s = this.stats;
        s.flowsObserved++;
        s.formats[format]++;
        let id = typeof point === 'number' ? point : POINT_ID.get(point);
        if (id === undefined) {
            this.byName.set(point, (this.byName.get(point) ?? 0) + 1);
            id = -1;
        }
        else {
            this.byId[id]++;
        }
        if (bothPods && LEAVES_NODE_IDS.has(id))
            s.crossNodeFlows++;
        if (id === OVERLAY_ID) {
            s.overlayFlows++;
            return s.overlayExamples.length < this.maxExamples;
        }
        return false;
    }
    wantsExample() {
        return this.stats.overlayExamples.length < this.maxExamples;
    }
    example(e) {
        if (this.stats.overlayExamples.length < this.maxExamples)
            this.stats.overlayExamples.push(e);
    }
    lost(format, count) {
        this.stats.lostEvents += count;
        this.stats.lostEventLines++;
        this.stats.formats[format]++;
    }
    other(format) {
        this.stats.otherLines++;
        if (format)
            this.stats.formats[format]++;
    }
    malformed(m) {
        this.stats.malformedLines++;
        if (this.stats.malformedExamples.length < this.maxMalformed) {
            this.stats.malformedExamples.push({ stream: m.stream, line: m.line, text: m.text() });
        }
    }
    fullyParsed() {
        this.stats.fullyParsedLines++;
    }
    finish() {
        const points = {};
        KNOWN_POINTS.forEach((p, i) => {
            if (this.byId[i] > 0)
                points[p] = this.byId[i];
        });
        for (const [p, n] of this.byName)
            points[p] = n;
        this.stats.byObservationPoint = sortPoints(points);
        return this.stats;
    }
}
/** Most frequent first, then by name: stable output for summaries and tests. */
function sortPoints(points) {
    const out = {};
    for (const [k, v] of Object.entries(points).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))
        out[k] = v;
    return out;
}
/** Sums the results of several streams; examples are taken in stream order up to `maxExamples`. */
function mergeFlowStats(parts, maxExamples = 5, maxMalformed = 3) {
    const out = emptyStats();
    const points = {};
    for (const p of parts) {
        out.flowsObserved += p.flowsObserved;
        out.crossNodeFlows += p.crossNodeFlows;
        out.overlayFlows += p.overlayFlows;
        out.lostEvents += p.lostEvents;
        out.lostEventLines += p.lostEventLines;
        out.malformedLines += p.malformedLines;
        out.otherLines += p.otherLines;
        out.fullyParsedLines += p.fullyParsedLines;
        for (const [k, v] of Object.entries(p.byObservationPoint))
            points[k] = (points[k] ?? 0) + v;
        for (const f of Object.keys(out.formats))
            out.formats[f] += p.formats[f];
        for (const e of p.overlayExamples)
            if (out.overlayExamples.length < maxExamples)
                out.overlayExamples.push(e);
        for (const m of p.malformedExamples)
            if (out.malformedExamples.length < maxMalformed)
                out.malformedExamples.push(m);
    }
    out.byObservationPoint = sortPoints(points);
    return out;
}

;// CONCATENATED MODULE: ./src/verify/flows/json-line.ts
// Classifies a fully parsed JSON line. This is the reference meaning of a JSON line: the token scan in
// jsonpb-scan.ts must reach the same counts, and falls back to this whenever it cannot be sure.

const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v) => (typeof v === 'string' ? v : undefined);
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** GetFlowsResponse members that are not flows (node status from Relay, agent and debug events). */
const NON_FLOW_EVENTS = ['node_status', 'agent_event', 'debug_event'];
/** Fields only a Flow has: a bare object with one of them is a legacy `hubble observe -o json` flow. */
const FLOW_FIELDS = ['event_type', 'trace_observation_point', 'verdict', 'Type', 'IP', 'l4'];
function classifyJson(value) {
    if (!isObj(value))
        return { kind: 'malformed' };
    if ('flow' in value) {
        const flow = value.flow;
        if (!isObj(flow))
            return { kind: 'malformed' };
        return {
            kind: 'flow',
            format: 'jsonpb',
            point: flowPoint(flow),
            bothPods: isPod(flow.source) && isPod(flow.destination),
            flow,
            node: str(value.node_name) ?? str(flow.node_name),
        };
    }
    if ('lost_events' in value) {
        if (!isObj(value.lost_events))
            return { kind: 'malformed' };
        return { kind: 'lost', format: 'jsonpb', count: lostCount(value.lost_events.num_events_lost) };
    }
    if (NON_FLOW_EVENTS.some((k) => k in value))
        return { kind: 'other', format: 'jsonpb' };
    if (FLOW_FIELDS.some((k) => k in value)) {
        return {
            kind: 'flow',
            format: 'json',
            point: flowPoint(value),
            bothPods: isPod(value.source) && isPod(value.destination),
            flow: value,
            node: str(value.node_name),
        };
    }
    // `hubble observe -o json` prints a lost event as the bare LostEvent message
    if ('num_events_lost' in value)
        return { kind: 'lost', format: 'json', count: lostCount(value.num_events_lost) };
    return { kind: 'other', format: 'json' };
}
function flowPoint(flow) {
    const raw = flow.trace_observation_point;
    const name = typeof raw === 'number' ? pointOfEnum(raw) : str(raw);
    const ev = isObj(flow.event_type) ? flow.event_type : undefined;
    return resolvePoint(name, num(ev?.type), num(ev?.sub_type));
}
function isPod(ep) {
    return isObj(ep) && typeof ep.pod_name === 'string' && ep.pod_name !== '';
}
/** uint64 values are JSON strings in protojson; zero is omitted. */
function lostCount(v) {
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)
        return v;
    if (typeof v === 'string' && /^\d{1,15}$/.test(v))
        return Number(v);
    return 0;
}
function endpointName(ep, ip) {
    if (isObj(ep)) {
        const pod = str(ep.pod_name);
        if (pod) {
            const ns = str(ep.namespace);
            return ns ? `${ns}/${pod}` : pod;
        }
    }
    const addr = str(ip);
    if (addr)
        return addr;
    if (isObj(ep) && Array.isArray(ep.labels) && ep.labels.length > 0)
        return ep.labels.filter((l) => typeof l === 'string').join(',');
    return '?';
}
function exampleOf(flow, node) {
    const ip = isObj(flow.IP) ? flow.IP : {};
    const e = {
        source: endpointName(flow.source, ip.source),
        destination: endpointName(flow.destination, ip.destination),
    };
    if (node)
        e.node = node;
    const time = str(flow.time);
    if (time)
        e.time = time;
    const iface = isObj(flow.interface) ? str(flow.interface.name) : undefined;
    if (iface)
        e.interface = iface;
    return e;
}

;// CONCATENATED MODULE: ./src/verify/flows/special-byte.ts
// Finds the end of a run of plain JSON string content: the next quote, backslash or control character
// (below 0x20). The confirmation walk (jsonpb-shape.ts) has to look at every byte of a line, since one
// raw control character anywhere makes JSON.parse refuse it, and most bytes are inside strings, so this
// loop is much of the walk's cost. It reads four bytes at a time through a DataView (unaligned reads,
// so no set-up per string) and tests the word with a few integer operations (SWAR).
/** The chunk being walked, as a DataView; replaced only when the memory under the lines changes. */
let viewOf;
let view = new DataView(new ArrayBuffer(0));
/** `v`'s memory as a DataView (offsets in it are v.byteOffset + offsets in v); cached per chunk. */
function viewOfBuffer(v) {
    if (v.buffer !== viewOf) {
        viewOf = v.buffer;
        view = new DataView(v.buffer);
    }
    return view;
}
/**
 * The first offset p with j <= p < e where the byte is `"`, `\` or below 0x20; -1 when there is none.
 * Offsets are in `d` (a viewOfBuffer), which is read only inside [j, e).
 */
function plainRun(d, j, e) {
    for (const last = e - 4; j <= last; j += 4) {
        const x = d.getInt32(j, true); // little-endian: the byte at j is the low byte, whatever the machine
        const q = x ^ 0x22222222;
        const b = x ^ 0x5c5c5c5c;
        // the high bit of a byte is set for the first byte that is 0x22, 0x5c or below 0x20 (exact for the
        // lowest such byte, which is all that is used: a borrow can only flag bytes above it)
        const m = ((((q - 0x01010101) | 0) & ~q) | (((b - 0x01010101) | 0) & ~b) | (((x - 0x20202020) | 0) & ~x)) & 0x80808080;
        if (m !== 0)
            return j + ((m & 0x80) !== 0 ? 0 : (m & 0x8000) !== 0 ? 1 : (m & 0x800000) !== 0 ? 2 : 3);
    }
    for (; j < e; j++) {
        const c = d.getUint8(j);
        if (c === 0x22 || c === 0x5c || c < 0x20)
            return j;
    }
    return -1;
}

;// CONCATENATED MODULE: ./src/verify/flows/jsonpb-shape.ts
// One pass over a jsonpb line as JSON (no allocation) that proves it valid, as JSON.parse would, and
// records where the keys a full parse reads are: `trace_observation_point` and `event_type` as members
// of the flow object, `pod_name` as a member of the flow's `source` or `destination`. The token scan
// (jsonpb-scan.ts) reads its values at these offsets. A line that is not valid JSON, a key written
// with an escape, or a key given twice makes the walk give up (the line is then parsed in full), so a
// crafted line can never count differently from a full parse.
// Every byte is looked at (one raw control character anywhere makes JSON.parse refuse the line), so
// the walk is built for speed: string contents are skipped four bytes at a time (special-byte.ts),
// and nothing is allocated per line (the result object is reused).

const Q = 0x22;
const BS = 0x5c;
const POINT = Buffer.from('trace_observation_point');
const EVENT = Buffer.from('event_type');
const POD = Buffer.from('pod_name');
const FLOW = Buffer.from('flow');
const SOURCE = Buffer.from('source');
const DESTINATION = Buffer.from('destination');
const K_FLOW = 1;
const K_POINT = 2;
const K_EVENT = 4;
const K_SOURCE = 8;
const K_DESTINATION = 16;
const K_POD = 32;
// Roles of objects: 0 any other, 1 the line, 2 the flow, 3 the flow's source or destination. An open
// container is one int: its role, whether it is an array, and which of the keys above it has seen.
const ROLE_MASK = 3;
const ARRAY_BIT = 4;
const SEEN_SHIFT = 3;
const MAX_DEPTH = 256;
const STACK = new Int32Array(MAX_DEPTH);
/** the line's memory for plainRun, and where v starts in it (set per line) */
let VIEW = viewOfBuffer(Buffer.alloc(0));
let OFF = 0;
/** readMember's results (no allocation per key) */
const MEMBER = { frame: 0, child: 0 };
/** the result, reused: the caller reads it before the next call */
const SHAPE = { flowEnd: -1, point: -1, event: -1, pods: [] };
const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const NULL = Buffer.from('null');
/**
 * The line v[s, e) as one JSON object with a `flow` object; undefined when that is not certain.
 * One iterative pass (an explicit stack, no recursion, no allocation). The result is shared between
 * calls: read it before the next one. Hubble writes compact JSON, so blanks are checked for only where
 * a byte is at most 0x20 (one comparison on the usual path).
 */
function jsonpbShape(v, s, e) {
    if (v[s] !== 0x7b)
        return undefined;
    const shape = begin(v);
    let depth = 0;
    let i = s;
    let frame = 0; // the open container: role | ARRAY_BIT | seen << SEEN_SHIFT
    let childRole = 1;
    for (;;) {
        // one block per value; leaving it (break value) means a member or item starts at i
        value: {
            let c = v[i];
            if (c <= 0x20)
                c = v[(i = skipWs(v, i))];
            if (c === Q) {
                i = skipString(v, i, e);
            }
            else if (c === 0x7b || c === 0x5b) {
                if (depth >= MAX_DEPTH)
                    return undefined;
                STACK[depth++] = frame;
                frame = c === 0x5b ? ARRAY_BIT : childRole;
                c = v[++i];
                if (c <= 0x20)
                    c = v[(i = skipWs(v, i))];
                if (c !== (frame === ARRAY_BIT ? 0x5d : 0x7d))
                    break value;
                // empty: the loop below closes it
            }
            else {
                // a number, or true, false or null (any other byte fails null's match)
                i = (c >= 0x30 && c <= 0x39) || c === 0x2d ? skipNumber(v, i, e) : literal(v, i, c === 0x74 ? TRUE : c === 0x66 ? FALSE : NULL);
            }
            if (i < 0)
                return undefined;
            // after a value: the next member or item, or the container's end (perhaps several)
            for (;;) {
                c = v[i];
                if (c <= 0x20 && i < e)
                    c = v[(i = skipWs(v, i))];
                if (depth === 0)
                    return i === e && shape.flowEnd >= 0 ? shape : undefined;
                if (i >= e)
                    return undefined;
                if (c === 0x2c) {
                    i++;
                    break value;
                }
                if (c !== ((frame & ARRAY_BIT) !== 0 ? 0x5d : 0x7d))
                    return undefined;
                if ((frame & ROLE_MASK) === 2)
                    shape.flowEnd = i;
                i++;
                frame = STACK[--depth];
            }
        }
        // a member (its key read here) or an item starts at i
        if ((frame & ARRAY_BIT) !== 0)
            childRole = 0;
        else {
            i = readMember(v, i, e, frame, shape);
            if (i < 0)
                return undefined;
            frame = MEMBER.frame;
            childRole = MEMBER.child;
        }
    }
}
/** Points the module's view at the line's memory and clears the shared result. */
function begin(v) {
    VIEW = viewOfBuffer(v);
    OFF = v.byteOffset;
    SHAPE.flowEnd = SHAPE.point = SHAPE.event = -1;
    SHAPE.pods.length = 0;
    return SHAPE;
}
function skipWs(v, i) {
    for (let c = v[i]; c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = v[++i])
        ;
    return i;
}
/** `"key":` at i (blanks allowed before it) in an object `frame`; the offset after the colon, or -1. */
function readMember(v, i, e, frame, shape) {
    if (v[i] <= 0x20)
        i = skipWs(v, i);
    if (v[i] !== Q)
        return -1;
    const ks = i;
    // an escape can spell any key: only the full parse can tell which
    let ke = plainRun(VIEW, OFF + i + 1, OFF + e);
    if (ke < 0 || v[(ke -= OFF)] !== Q)
        return -1;
    let j = ke + 1;
    if (v[j] <= 0x20)
        j = skipWs(v, j);
    if (v[j] !== 0x3a)
        return -1;
    MEMBER.frame = frame;
    MEMBER.child = 0;
    const role = frame & ROLE_MASK;
    if (role !== 0) {
        const bit = keyBit(v, role, ks, ke);
        if (bit !== 0) {
            if ((frame >> SEEN_SHIFT) & bit)
                return -1; // JSON.parse keeps the last of a duplicate
            MEMBER.frame = frame | (bit << SEEN_SHIFT);
            if (bit === K_FLOW)
                MEMBER.child = 2;
            else if (bit === K_POINT)
                shape.point = ks;
            else if (bit === K_EVENT)
                shape.event = ks;
            else if (bit === K_SOURCE || bit === K_DESTINATION)
                MEMBER.child = 3;
            else
                shape.pods.push(ks);
        }
    }
    return j + 1;
}
/** Which key that matters this is in an object of the given role (0: none). */
function keyBit(v, role, ks, ke) {
    if (role === 1)
        return is(v, ks, ke, FLOW) ? K_FLOW : 0;
    if (role === 3)
        return is(v, ks, ke, POD) ? K_POD : 0;
    if (is(v, ks, ke, POINT))
        return K_POINT;
    if (is(v, ks, ke, EVENT))
        return K_EVENT;
    if (is(v, ks, ke, SOURCE))
        return K_SOURCE;
    return is(v, ks, ke, DESTINATION) ? K_DESTINATION : 0;
}
function is(v, ks, ke, name) {
    if (ke - ks - 1 !== name.length)
        return false;
    for (let k = 0; k < name.length; k++)
        if (v[ks + 1 + k] !== name[k])
            return false;
    return true;
}
/** A string at i (a quote); the offset after it, or -1 when JSON.parse would refuse it. */
function skipString(v, i, e) {
    for (let j = i + 1;;) {
        j = plainRun(VIEW, OFF + j, OFF + e);
        if (j < 0)
            return -1;
        j -= OFF;
        const c = v[j];
        if (c === Q)
            return j + 1;
        if (c !== BS)
            return -1; // a control character
        const n = v[j + 1];
        if (n === 0x75) {
            for (let k = 2; k < 6; k++)
                if (!isHex(v[j + k]))
                    return -1;
            j += 6;
        }
        else if (n === Q || n === BS || n === 0x2f || n === 0x62 || n === 0x66 || n === 0x6e || n === 0x72 || n === 0x74)
            j += 2;
        else
            return -1;
    }
}
function literal(v, i, word) {
    for (let k = 0; k < word.length; k++)
        if (v[i + k] !== word[k])
            return -1;
    return i + word.length;
}
/** JSON's number grammar: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)? */
function skipNumber(v, i, e) {
    if (v[i] === 0x2d)
        i++;
    if (v[i] === 0x30)
        i++;
    else if (isDigit(v[i]))
        while (isDigit(v[i]))
            i++;
    else
        return -1;
    if (v[i] === 0x2e) {
        i++;
        if (!isDigit(v[i]))
            return -1;
        while (isDigit(v[i]))
            i++;
    }
    if (v[i] === 0x65 || v[i] === 0x45) {
        i++;
        if (v[i] === 0x2b || v[i] === 0x2d)
            i++;
        if (!isDigit(v[i]))
            return -1;
        while (isDigit(v[i]))
            i++;
    }
    return i > e ? -1 : i;
}
const isDigit = (c) => c !== undefined && c >= 0x30 && c <= 0x39;
const isHex = (c) => c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66));

;// CONCATENATED MODULE: ./src/verify/flows/jsonpb-scan.ts
// The hot path: classifies a `hubble observe -o jsonpb` flow line without building it as objects.
// One walk over the line as JSON (jsonpb-shape.ts) proves it valid, proves it is an object whose `flow`
// is an object (what makes it a flow to the full parse), and gives the offsets of the very keys a full
// parse reads: `trace_observation_point` and `event_type` of the flow, `pod_name` of its source and
// destination. Their values are read in place, and only in the compact forms Hubble writes (a key
// directly followed by its value, enum names as strings); anything else returns SCAN_FAILED and the
// caller parses the line in full (json-line.ts). So a crafted line (a nested object holding a key, a
// \u-escaped or duplicate key, invalid JSON anywhere) always counts as the full parse counts it.
// The walk has to read every byte (one raw control character anywhere makes JSON.parse refuse the
// line); it replaces the token searches and the head/tail checks that came before it, so each line
// is read once.


const SCAN_FAILED = -1;
const HEAD = Buffer.from('{"flow":{"time":"');
const TYPE_KEY = Buffer.from('"type":');
const SUB_TYPE_KEY = Buffer.from('"sub_type":');
const jsonpb_scan_Q = 0x22; // "
const CLOSE = 0x7d; // }
const COMMA = 0x2c;
const POINT_KEY = Buffer.from('"trace_observation_point":"');
const EVENT_KEY = Buffer.from('"event_type":{');
const POD_KEY = Buffer.from('"pod_name":"');
/** Known point names as bytes, grouped by length, for matching without making a string. */
const BY_LENGTH = [];
KNOWN_POINTS.forEach((name, id) => {
    (BY_LENGTH[name.length] ??= []).push({ id, bytes: Buffer.from(name) });
});
const UNKNOWN_NAME_ID = POINT_ID.get(UNKNOWN_POINT_NAME);
const jsonpb_scan_LEAVES_NODE_IDS = new Set([...LEAVES_NODE].map((p) => POINT_ID.get(p)));
/** Whether the line v[s, e) begins as Hubble's jsonpb flow lines do. */
const startsLikeJsonpbFlow = (v, s, e) => e - s > HEAD.length + 20 && at(v, s, HEAD);
/** Classifies the line v[s, e) (trimmed); returns SCAN_FAILED or 0 with `out` filled in. */
function scanJsonpbFlow(v, s, e, out) {
    // the walk: valid JSON, and where the keys the full parse reads are
    const shape = jsonpbShape(v, s, e);
    if (!shape)
        return SCAN_FAILED;
    const flowEnd = shape.flowEnd;
    // the observation point, by name
    let pointId = -1;
    out.pointName = undefined;
    const k = shape.point;
    if (k >= 0) {
        if (!at(v, k, POINT_KEY))
            return SCAN_FAILED; // a number, null, blanks: let the full parse decide
        const vs = k + POINT_KEY.length;
        const ve = nextQuote(v, vs, Math.min(flowEnd, vs + 40));
        if (ve < 0)
            return SCAN_FAILED;
        for (let i = vs; i < ve; i++) {
            const c = v[i];
            // enum names are A-Z, 0-9 and _; anything else (an escape, say) goes to the full parse
            if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f))
                return SCAN_FAILED;
        }
        if (ve > vs) {
            pointId = matchPoint(v, vs, ve);
            if (pointId < 0)
                out.pointName = v.toString('latin1', vs, ve);
        }
    }
    // no name (or the zero value's name): the trace event's sub-type decides
    if ((pointId < 0 && out.pointName === undefined) || pointId === UNKNOWN_NAME_ID) {
        const ev = readEventType(v, shape.event, flowEnd);
        if (ev === undefined)
            return SCAN_FAILED;
        // always a known key: a trace point, UNKNOWN or NONE
        pointId = POINT_ID.get(resolvePoint(undefined, ev.type, ev.sub));
        out.pointName = undefined;
    }
    out.pointId = pointId;
    // both ends pods (a non-empty name in source and in destination)? Only needed where a flow can count
    // as cross-node. The walk gives at most one pod_name per endpoint (a duplicate key fails it).
    out.bothPods = false;
    if (pointId >= 0 && jsonpb_scan_LEAVES_NODE_IDS.has(pointId)) {
        let named = 0;
        for (const p of shape.pods) {
            if (!at(v, p, POD_KEY))
                return SCAN_FAILED; // not a string: the full parse decides
            if (v[p + POD_KEY.length] !== jsonpb_scan_Q)
                named++;
        }
        out.bothPods = named === 2;
    }
    return 0;
}
/**
 * `"event_type":{"type":N,"sub_type":M}` (either order, either absent) at k, the key's offset (-1: no
 * event_type); undefined when it has another shape.
 */
const jsonpb_scan_EVENT = { type: undefined, sub: undefined };
function readEventType(v, k, to) {
    jsonpb_scan_EVENT.type = undefined;
    jsonpb_scan_EVENT.sub = undefined;
    if (k < 0)
        return jsonpb_scan_EVENT;
    if (!at(v, k, EVENT_KEY))
        return undefined;
    let i = k + EVENT_KEY.length;
    for (;;) {
        if (v[i] === CLOSE)
            return jsonpb_scan_EVENT;
        let isType;
        if (at(v, i, TYPE_KEY)) {
            isType = true;
            i += TYPE_KEY.length;
        }
        else if (at(v, i, SUB_TYPE_KEY)) {
            isType = false;
            i += SUB_TYPE_KEY.length;
        }
        else {
            return undefined;
        }
        let value = 0;
        const start = i;
        while (i < to && v[i] >= 0x30 && v[i] <= 0x39 && i - start < 10)
            value = value * 10 + (v[i++] - 0x30);
        if (i === start)
            return undefined;
        if (isType) {
            if (jsonpb_scan_EVENT.type !== undefined)
                return undefined;
            jsonpb_scan_EVENT.type = value;
        }
        else {
            if (jsonpb_scan_EVENT.sub !== undefined)
                return undefined;
            jsonpb_scan_EVENT.sub = value;
        }
        if (v[i] === COMMA)
            i++;
        else if (v[i] !== CLOSE)
            return undefined;
    }
}
function matchPoint(v, s, e) {
    const candidates = BY_LENGTH[e - s];
    if (!candidates)
        return -1;
    for (const c of candidates) {
        let i = 0;
        while (i < c.bytes.length && c.bytes[i] === v[s + i])
            i++;
        if (i === c.bytes.length)
            return c.id;
    }
    return -1;
}
function at(v, i, token) {
    if (i < 0 || i + token.length > v.length)
        return false;
    for (let j = 0; j < token.length; j++)
        if (v[i + j] !== token[j])
            return false;
    return true;
}
// A short search is a plain loop: for a few dozen bytes a native indexOf costs more in its call.
function nextQuote(v, from, limit) {
    for (let i = from; i < limit; i++)
        if (v[i] === jsonpb_scan_Q)
            return i;
    return -1;
}

;// CONCATENATED MODULE: ./src/verify/flows/text-line.ts
// `hubble observe` text output, one line at a time (Hubble's printer, hubble/pkg/printer/printer.go):
//   compact (default):  TIME[ [NODE]]: SRC[ (IDENTITY)] ARROW DST[ (IDENTITY)] TYPE VERDICT (SUMMARY)
//   older compact:      TIME [NODE]: SRC -> DST TYPE VERDICT (SUMMARY)
//   table (-o table):   a TIMESTAMP … SUMMARY header, then rows aligned under it
//   lost events:        [TIME[ [NODE]][:] ]EVENTS LOST: SOURCE CPU(n) COUNT[ (…)], or an EVENTS LOST table row
// Fields are read by position; nothing is searched for anywhere in the line.

// Hubble's --time-format choices: StampMilli (default) and the other Stamp*, RFC3339*, RFC1123Z
const TIME = String.raw `(?:[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}(?:\.\d{1,9})?` +
    String.raw `|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})` +
    String.raw `|[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}` +
    String.raw `|N/A)`;
const TIME_ONLY = new RegExp(`^${TIME}$`);
const COMPACT_HEAD = new RegExp(`^(${TIME})(?: \\[([^\\]\\s]*)\\])?: `);
const LOST = new RegExp(`^(?:${TIME}(?: \\[[^\\]\\s]*\\])?:? )?EVENTS LOST: (\\S+) CPU\\((-?\\d+)\\) (\\d{1,15})(?: \\(.*\\))?$`);
const TABLE_LOST_SUMMARY = /^CPU\((-?\d+)\) - (\d{1,15})$/;
const TABLE_COLUMNS = ['TIMESTAMP', 'NODE', 'SOURCE', 'DESTINATION', 'TYPE', 'VERDICT', 'SUMMARY'];
const VERDICTS = new Set([
    'FORWARDED',
    'DROPPED',
    'ERROR',
    'AUDIT',
    'REDIRECTED',
    'TRACED',
    'TRANSLATED',
    'VERDICT_UNKNOWN',
    // policy-verdict events print these instead
    'ALLOWED',
    'DENIED',
    'AUDITED',
]);
const ARROWS = new Set(['->', '<-', '<>']);
function parseTextLine(line, layout) {
    const header = parseHeader(line);
    if (header)
        return { kind: 'header', layout: header };
    const lost = LOST.exec(line);
    if (lost)
        return { kind: 'lost', format: 'compact', count: Number(lost[3]) };
    const head = COMPACT_HEAD.exec(line);
    if (head)
        return parseCompactBody(line.slice(head[0].length), head[1], head[2]);
    if (layout)
        return parseTableRow(line, layout);
    return { kind: 'malformed' };
}
function parseHeader(line) {
    if (!line.startsWith('TIMESTAMP '))
        return undefined;
    const columns = [];
    for (const m of line.matchAll(/\S+/g)) {
        if (!TABLE_COLUMNS.includes(m[0]))
            return undefined;
        columns.push({ name: m[0], start: m.index });
    }
    const names = columns.map((c) => c.name);
    const required = ['SOURCE', 'DESTINATION', 'TYPE', 'VERDICT'];
    return required.every((r) => names.includes(r)) ? { columns } : undefined;
}
function parseCompactBody(body, time, node) {
    const t = body.split(' ');
    let i = 0;
    let src = t[i++];
    let srcId = identity(t[i]);
    if (srcId !== undefined)
        i++;
    const arrow = t[i++];
    if (arrow === undefined || !ARROWS.has(arrow))
        return { kind: 'malformed' };
    let dst = t[i++];
    if (dst === undefined)
        return { kind: 'malformed' };
    let dstId = identity(t[i]);
    if (dstId !== undefined)
        i++;
    let j = i;
    while (j < t.length && !VERDICTS.has(t[j]))
        j++;
    if (j === i || j === t.length)
        return { kind: 'malformed' };
    const rest = t.slice(j + 1).join(' ');
    if (rest !== '' && !(rest.startsWith('(') && rest.endsWith(')')))
        return { kind: 'malformed' };
    const point = pointOfText(t.slice(i, j).join(' '));
    // a reply is printed with its ends swapped (`client <- server`); put them back in packet order
    if (arrow === '<-')
        [src, dst, srcId, dstId] = [dst, src, dstId, srcId];
    return {
        kind: 'flow',
        format: 'compact',
        point,
        bothPods: text_line_isPod(src, srcId) && text_line_isPod(dst, dstId),
        example: () => withOptional({ source: src, destination: dst }, node, time),
    };
}
function parseTableRow(line, layout) {
    const field = (name) => {
        const k = layout.columns.findIndex((c) => c.name === name);
        if (k < 0)
            return undefined;
        const end = layout.columns[k + 1]?.start ?? line.length;
        return line.slice(layout.columns[k].start, end).trim();
    };
    // a cell must not run into the next column: the byte before each column start is padding
    for (const c of layout.columns.slice(1)) {
        if (line.length > c.start && line[c.start - 1] !== ' ')
            return { kind: 'malformed' };
    }
    const type = field('TYPE') ?? '';
    if (type === 'EVENTS LOST') {
        const m = TABLE_LOST_SUMMARY.exec(field('SUMMARY') ?? '');
        return m ? { kind: 'lost', format: 'table', count: Number(m[2]) } : { kind: 'malformed' };
    }
    const time = field('TIMESTAMP') ?? '';
    const verdict = field('VERDICT') ?? '';
    const src = field('SOURCE') ?? '';
    const dst = field('DESTINATION') ?? '';
    if (!TIME_ONLY.test(time) || !VERDICTS.has(verdict) || type === '' || src.includes(' ') || dst.includes(' ')) {
        return { kind: 'malformed' };
    }
    const node = field('NODE');
    return {
        kind: 'flow',
        format: 'table',
        point: pointOfText(type),
        bothPods: text_line_isPod(src, undefined) && text_line_isPod(dst, undefined),
        example: () => withOptional({ source: src, destination: dst }, node || undefined, time),
    };
}
/** `(ID:1234)` for a numeric identity, `(host)`, `(world)`… for reserved ones. */
function identity(token) {
    if (token === undefined || token.length < 3 || !token.startsWith('(') || !token.endsWith(')'))
        return undefined;
    return token.slice(1, -1);
}
/** Text names a pod as `namespace/pod[:port]`; IPs, reserved identities and DNS names have no `/`. */
function text_line_isPod(host, id) {
    if (id !== undefined && !id.startsWith('ID:'))
        return false;
    const slash = host.indexOf('/');
    return slash > 0 && slash < host.length - 1 && !host.startsWith('[');
}
function withOptional(e, node, time) {
    if (node)
        e.node = node;
    if (time && time !== 'N/A')
        e.time = time;
    return e;
}

;// CONCATENATED MODULE: ./src/verify/flows/types.ts
const DEFAULT_MAX_EXAMPLES = 5;
const DEFAULT_MAX_MALFORMED_EXAMPLES = 3;
const DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;

;// CONCATENATED MODULE: ./src/verify/flows/stream-parser.ts
// One capture stream: chunks in, counts out. Lines are found in each chunk where it lies; only a line
// split across chunks is copied. Memory is one partial line (bounded by maxLineBytes) plus the
// examples, whatever the stream's length.






const NL = 0x0a;
const CR = 0x0d;
const SP = 0x20;
const TAB = 0x09;
const BRACE = 0x7b;
const stream_parser_OVERLAY_ID = POINT_ID.get(OVERLAY_POINT);
class stream_parser_FlowStreamParser {
    stream;
    node;
    stats;
    maxLine;
    fast;
    scan = { pointId: -1, pointName: undefined, bothPods: false };
    /** pieces of a line that began in an earlier chunk */
    carry = [];
    carryBytes = 0;
    /** inside a line longer than maxLineBytes: drop bytes until its end */
    skipping = false;
    lineNo = 0;
    layout;
    ended = false;
    /**
     * @param stream index of this stream, for malformed-line reports
     * @param node the node this stream comes from, for examples whose line does not say
     */
    constructor(stream = 0, options = {}, node) {
        this.stream = stream;
        this.node = node;
        this.stats = new StatsBuilder(options.maxExamples ?? DEFAULT_MAX_EXAMPLES, options.maxMalformedExamples ?? DEFAULT_MAX_MALFORMED_EXAMPLES);
        this.maxLine = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
        this.fast = options.fastPath ?? true;
    }
    /** Feeds the next chunk. The chunk is not kept: the caller may reuse its memory afterwards. */
    push(chunk) {
        if (this.ended)
            throw new Error('FlowStreamParser: push after end');
        const buf = typeof chunk === 'string'
            ? Buffer.from(chunk, 'utf8')
            : Buffer.isBuffer(chunk)
                ? chunk
                : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        let pos = 0;
        if (this.carryBytes > 0 || this.skipping) {
            const nl = buf.indexOf(NL);
            if (nl < 0) {
                this.hold(buf, 0, buf.length);
                return;
            }
            if (this.skipping) {
                this.skipping = false;
            }
            else {
                this.hold(buf, 0, nl);
                if (!this.skipping) {
                    const line = this.carry.length === 1 ? this.carry[0] : Buffer.concat(this.carry, this.carryBytes);
                    this.carry = [];
                    this.carryBytes = 0;
                    this.line(line, 0, line.length);
                }
                else {
                    this.skipping = false;
                }
            }
            pos = nl + 1;
        }
        for (;;) {
            const nl = buf.indexOf(NL, pos);
            if (nl < 0)
                break;
            this.line(buf, pos, nl);
            pos = nl + 1;
        }
        if (pos < buf.length)
            this.hold(buf, pos, buf.length);
    }
    /** Ends the stream (a last line without a newline still counts) and returns its counts. */
    end() {
        if (!this.ended) {
            this.ended = true;
            if (this.carryBytes > 0 && !this.skipping) {
                const line = Buffer.concat(this.carry, this.carryBytes);
                this.carry = [];
                this.carryBytes = 0;
                this.line(line, 0, line.length);
            }
        }
        return this.stats.finish();
    }
    /** Keeps part of a line until its end arrives; a line over the limit is reported and dropped. */
    hold(buf, s, e) {
        if (this.skipping || e === s)
            return;
        if (this.carryBytes + (e - s) > this.maxLine) {
            this.lineNo++;
            const first = this.carry[0] ?? buf.subarray(s, e);
            this.stats.malformed({
                stream: this.stream,
                line: this.lineNo,
                text: () => `${printable(first)} (longer than ${this.maxLine} bytes)`,
            });
            this.carry = [];
            this.carryBytes = 0;
            this.skipping = true;
            return;
        }
        this.carry.push(Buffer.from(buf.subarray(s, e))); // a copy: the caller may reuse buf
        this.carryBytes += e - s;
    }
    line(buf, s, e) {
        this.lineNo++;
        if (e - s > this.maxLine) {
            this.stats.malformed({
                stream: this.stream,
                line: this.lineNo,
                text: () => `${printable(buf.subarray(s, s + 200))} (longer than ${this.maxLine} bytes)`,
            });
            return;
        }
        // trim: CR of CRLF, a byte-order mark, blanks
        if (e - s >= 3 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf)
            s += 3;
        while (e > s && (buf[e - 1] === CR || buf[e - 1] === SP || buf[e - 1] === TAB))
            e--;
        let j = s;
        while (j < e && (buf[j] === SP || buf[j] === TAB))
            j++;
        if (j === e)
            return; // empty lines are not counted
        if (buf[j] === BRACE)
            this.jsonLine(buf, j, e);
        else
            this.textLine(buf.subarray(s, e));
    }
    jsonLine(buf, s, e) {
        if (this.fast && startsLikeJsonpbFlow(buf, s, e)) {
            const r = this.scan;
            // an example needs the whole flow: the first few overlay flows take the full parse below
            if (scanJsonpbFlow(buf, s, e, r) !== SCAN_FAILED && !(r.pointId === stream_parser_OVERLAY_ID && this.stats.wantsExample())) {
                this.stats.flow('jsonpb', r.pointId >= 0 ? r.pointId : r.pointName, r.bothPods);
                return;
            }
        }
        this.stats.fullyParsed();
        let value;
        try {
            value = JSON.parse(buf.toString('utf8', s, e));
        }
        catch {
            this.malformed(buf.subarray(s, e));
            return;
        }
        const c = classifyJson(value);
        switch (c.kind) {
            case 'flow':
                if (this.stats.flow(c.format, c.point, c.bothPods))
                    this.stats.example(exampleOf(c.flow, c.node ?? this.node));
                return;
            case 'lost':
                this.stats.lost(c.format, c.count);
                return;
            case 'other':
                this.stats.other(c.format);
                return;
            case 'malformed':
                this.malformed(buf.subarray(s, e));
        }
    }
    textLine(v) {
        const c = parseTextLine(v.toString('utf8'), this.layout);
        switch (c.kind) {
            case 'header':
                this.layout = c.layout;
                this.stats.other('table');
                return;
            case 'flow':
                if (this.stats.flow(c.format, c.point, c.bothPods)) {
                    const e = c.example();
                    if (e.node === undefined && this.node !== undefined)
                        e.node = this.node;
                    this.stats.example(e);
                }
                return;
            case 'lost':
                this.stats.lost(c.format, c.count);
                return;
            case 'malformed':
                this.malformed(v);
        }
    }
    malformed(v) {
        this.stats.malformed({ stream: this.stream, line: this.lineNo, text: () => printable(v) });
    }
}
/** At most 200 characters, control characters and invalid bytes shown as escapes. */
function printable(v) {
    const text = v.subarray(0, 200).toString('utf8');
    const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
    return v.length > 200 ? `${clean}…` : clean;
}

;// CONCATENATED MODULE: ./src/verify/flows/analyse.ts
// Entry points: several live streams at once, a saved capture file, or text already in memory.




/**
 * Consumes every stream concurrently, each with its own line state, and merges the counts. Examples
 * are taken in stream order, so the result does not depend on how the streams' chunks interleave.
 */
async function analyseStreams(sources, options = {}) {
    const parts = await Promise.all(sources.map(async (src, i) => {
        const { stream, node } = isSource(src) ? src : { stream: src, node: undefined };
        const parser = new stream_parser_FlowStreamParser(i, options, node);
        for await (const chunk of stream)
            parser.push(chunk);
        return parser.end();
    }));
    return merge(parts, options);
}
const READ_BUFFER = 2 << 20;
/**
 * Analyses a saved capture. Reads into two reused buffers, the next read under way while the last one
 * is scanned, rather than through a read stream, which allocates a new buffer per chunk (slower, and
 * leaves the memory to the garbage collector).
 */
async function analyseFile(path, options = {}) {
    const file = await (0,promises_.open)(path, 'r');
    const bufs = [Buffer.allocUnsafe(READ_BUFFER), Buffer.allocUnsafe(READ_BUFFER)];
    let k = 0;
    let next = file.read(bufs[k], 0, READ_BUFFER, null);
    try {
        const parser = new stream_parser_FlowStreamParser(0, options);
        for (;;) {
            const { bytesRead } = await next;
            if (bytesRead === 0)
                break;
            const filled = bufs[k];
            k ^= 1;
            next = file.read(bufs[k], 0, READ_BUFFER, null);
            parser.push(filled.subarray(0, bytesRead)); // the parser keeps no reference to `filled`
        }
        return merge([parser.end()], options);
    }
    finally {
        await next.catch(() => undefined); // never close under a read still in flight
        await file.close();
    }
}
/** Analyses captures already in memory (one per node); for small inputs and tests. */
function analyseText(texts, options = {}) {
    const list = typeof texts === 'string' || Buffer.isBuffer(texts) ? [texts] : texts;
    return merge(list.map((t, i) => {
        const p = new FlowStreamParser(i, options);
        p.push(t);
        return p.end();
    }), options);
}
function merge(parts, options) {
    return mergeFlowStats(parts, options.maxExamples ?? DEFAULT_MAX_EXAMPLES, options.maxMalformedExamples ?? DEFAULT_MAX_MALFORMED_EXAMPLES);
}
function isSource(s) {
    return !(Symbol.asyncIterator in s);
}

;// CONCATENATED MODULE: ./src/verify/flows/verdict.ts
function flowVerdict(stats, opts) {
    const warnings = [];
    if (stats.lostEvents > 0) {
        warnings.push(`Hubble reported ${plural(stats.lostEvents, 'lost event')} during the capture: the counts may miss flows ` +
            '(a busy node overflows its Hubble ring buffer; capture a shorter window or raise hubble.eventBufferCapacity)');
    }
    if (stats.malformedLines > 0) {
        const first = stats.malformedExamples[0];
        warnings.push(`${plural(stats.malformedLines, 'line')} could not be read and ${stats.malformedLines === 1 ? 'was' : 'were'} skipped` +
            (first ? ` (first: stream ${first.stream + 1}, line ${first.line}: ${first.text})` : ''));
    }
    if (stats.overlayFlows > opts.maxOverlayFlows) {
        return {
            verdict: 'fail',
            reason: `${plural(stats.overlayFlows, 'flow')} left a node through the overlay (to-overlay), ` +
                `more than max-overlay-flows (${opts.maxOverlayFlows}): traffic is still tunnelled`,
            warnings,
        };
    }
    // Hubble dropped more than it delivered: what was seen cannot stand for what happened.
    if (stats.lostEvents > stats.flowsObserved) {
        return {
            verdict: 'inconclusive',
            reason: `Hubble lost ${plural(stats.lostEvents, 'event')}, more than the ${plural(stats.flowsObserved, 'flow')} it delivered: ` +
                'the capture cannot show how traffic left the nodes (capture a shorter window or raise hubble.eventBufferCapacity)',
            warnings,
        };
    }
    if (stats.crossNodeFlows < opts.minFlows) {
        return {
            verdict: 'inconclusive',
            reason: `${plural(stats.crossNodeFlows, 'cross-node pod-to-pod flow')} seen (of ${plural(stats.flowsObserved, 'flow')}), ` +
                `fewer than min-flows (${opts.minFlows}): no evidence that traffic between nodes is routed natively`,
            warnings,
        };
    }
    const overlay = stats.overlayFlows === 0
        ? 'none went through the overlay'
        : `${stats.overlayFlows} to-overlay, within max-overlay-flows (${opts.maxOverlayFlows})`;
    return {
        verdict: 'pass',
        reason: `${plural(stats.crossNodeFlows, 'cross-node pod-to-pod flow')} seen, ${overlay}`,
        warnings,
    };
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./src/steps/flows.ts
// The flows check: the verdict over a saved capture (flows-file) or over live Hubble captures.



function summariseFlows(ctx, stats, source) {
    const v = flowVerdict(stats, { maxOverlayFlows: ctx.config.maxOverlayFlows, minFlows: ctx.config.minFlows });
    for (const w of v.warnings) {
        core/* warning */.$e(w);
        ctx.report.warnings.push(w);
    }
    return {
        source,
        flowsObserved: stats.flowsObserved,
        crossNodeFlows: stats.crossNodeFlows,
        overlayFlows: stats.overlayFlows,
        lostEvents: stats.lostEvents,
        malformedLines: stats.malformedLines,
        byObservationPoint: stats.byObservationPoint,
        overlayExamples: stats.overlayExamples.map((e) => ({ source: e.source, destination: e.destination, node: e.node, time: e.time })),
        verdict: v.verdict,
        reason: v.reason,
    };
}
async function flowsFromFile(ctx, file) {
    return summariseFlows(ctx, await analyseFile(file), `flows-file ${file}`);
}
async function flowsFromStreams(ctx, sources, label) {
    return summariseFlows(ctx, await analyseStreams(sources), label);
}

// EXTERNAL MODULE: ./src/steps/judgement.ts
var judgement = __webpack_require__(2908);
// EXTERNAL MODULE: ./src/cluster/nodes.ts
var nodes = __webpack_require__(9543);
;// CONCATENATED MODULE: ./src/steps/live-flows.ts
// Flows captured live from the agents (the probe's namespace, or the recent traffic of every agent),
// judged as they stream in.



/** The flow verdict over live captures; a node whose capture failed makes a pass inconclusive. */
async function judgeCaptures(ctx, captures, label) {
    let finished = 0;
    for (const c of captures)
        void c.done.finally(() => finished++).catch(() => undefined);
    const f = await (0,progress/* withProgress */.E0)('Hubble captures', async () => `${finished}/${captures.length} agents done`, () => flowsFromStreams(ctx, captures.map((c) => ({ stream: c.stdout, node: c.node })), label));
    const results = await Promise.all(captures.map(async (c) => ({ node: c.node, r: await c.done })));
    const failed = results
        .filter(({ r }) => r.code !== 0 || r.timedOut)
        .map(({ node, r }) => `${node} (${r.timedOut ? 'timed out' : r.stderr.trim().split('\n')[0] || `exit ${r.code}`})`);
    if (failed.length > 0) {
        f.verdict = f.verdict === 'fail' ? 'fail' : 'inconclusive';
        f.reason = `Hubble capture failed on ${failed.join('; ')}: ${f.reason}`;
    }
    return f;
}
/** No probe: the traffic the cluster has had lately, from every agent. */
async function recentFlows(ctx, session, agents) {
    const captures = agents.map((a) => {
        const p = session.kubectl.streamIn(ctx.config.namespace, a.pod, nodes/* AGENT_CONTAINER */.WJ, ['hubble', 'observe', '--output', 'jsonpb', '--last', '2000'], {
            timeoutMs: 60_000,
            quiet: true,
        });
        return { ...p, node: a.node, pod: a.pod };
    });
    return judgeCaptures(ctx, captures, `Hubble on all ${agents.length} agents (last 2000 flows each)`);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/migration/probe-pairs.ts
var probe_pairs = __webpack_require__(7890);
// EXTERNAL MODULE: ./src/cluster/probe-manifest.ts
var probe_manifest = __webpack_require__(7492);
;// CONCATENATED MODULE: ./src/cluster/probe.ts
// The action's own cross-node probe: per node pair (probe-pairs, spread over pools and zones) a client
// and a server pod pinned to the two nodes in a namespace of its own, connections between them, Hubble
// flows captured from the agents on every node involved. The namespace is always
// removed (also on failure; the post step removes it after a cancellation).











const PROBE_STATE = 'probe-namespace';
/**
 * Runs the probe and hands the two nodes' Hubble captures to `consume` while the namespace still
 * exists; removes the namespace afterwards whatever happened.
 */
async function withProbe(kubectl, ciliumNamespace, nodes, agents, opts, consume) {
    const usable = nodes.filter((n) => n.ready && n.schedulable);
    const pairs = (0,probe_pairs/* pickProbePairs */.n)(usable, Math.max(1, opts.pairs));
    if (pairs.length === 0)
        throw new errors/* ActionError */.lZ('The cross-node probe needs two ready, schedulable nodes', {
            hint: 'Scale the cluster to two nodes or more, or leave connectivity out of checks.',
        });
    const namespace = (0,probe_manifest/* probeNamespaceName */.vC)((0,external_node_crypto_.randomBytes)(3).toString('hex'));
    const dir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(external_node_os_default().tmpdir(), 'cnra-probe-'));
    const file = external_node_path_default().join(dir, 'probe.yaml');
    (0,external_node_fs_.writeFileSync)(file, (0,probe_manifest/* probeManifest */.ms)({ namespace, pairs, image: opts.image }));
    core/* saveState */.LZ(PROBE_STATE, namespace);
    const deadline = Date.now() + opts.timeoutMs;
    const left = () => `${Math.max(1, Math.ceil((deadline - Date.now()) / 1000))}s`;
    try {
        await kubectl.run(['create', '--filename', file], `create the probe namespace ${namespace}`, { signal: opts.signal });
        await waitForProbePods(kubectl, namespace, pairs, opts, left);
        // Flows are filtered to the probe namespace and to this window (a few seconds of clock skew allowed).
        const since = new Date(Date.now() - 5_000).toISOString();
        const run = { namespace, pairs: [] };
        for (const [i, [clientNode, serverNode]] of pairs.entries())
            run.pairs.push(await connectPair(kubectl, namespace, i, clientNode, serverNode, opts));
        const window = { namespace, since, timeoutMs: Math.min(60_000, Math.max(5_000, deadline - Date.now())), signal: opts.signal };
        const captures = [...new Set(pairs.flat())].map((node) => captureFlows(kubectl, ciliumNamespace, agents, node, window));
        return await consume(run, captures);
    }
    finally {
        const del = await kubectl.deleteNamespace(namespace).catch((e) => ({ code: 1, stderr: String(e) }));
        if (del.code === 0)
            core/* saveState */.LZ(PROBE_STATE, '');
        else
            core/* warning */.$e(`Could not remove the probe namespace ${namespace} (the post step tries again): ${del.stderr.trim()}`);
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
async function waitForProbePods(kubectl, namespace, pairs, opts, left) {
    const wait = await (0,progress/* withProgress */.E0)('waiting for the probe pods', () => (0,progress/* podsReady */.Ub)(kubectl, namespace, 'probe pods'), () => kubectl.exec(['wait', '--namespace', namespace, '--for=condition=Ready', 'pod', '--all', `--timeout=${left()}`], {
        signal: opts.signal,
        echo: true,
    }));
    if (wait.code !== 0) {
        throw new errors/* ActionError */.lZ(`The probe pods in ${namespace} did not become ready: ${wait.stderr.trim() || wait.stdout.trim()}`, {
            hint: `Can nodes ${[...new Set(pairs.flat())].join(', ')} pull ${opts.image}? (Set probe-image to a mirror for air-gapped clusters.)`,
        });
    }
}
/** The Hubble flows of the probe namespace since the probe started, from the agent on `node`. */
function captureFlows(kubectl, ciliumNamespace, agents, node, window) {
    const agent = agents.find((a) => a.node === node);
    if (!agent)
        throw new errors/* ActionError */.lZ(`No Cilium agent pod on probe node ${node}`);
    const p = kubectl.streamIn(ciliumNamespace, agent.pod, nodes/* AGENT_CONTAINER */.WJ, ['hubble', 'observe', '--output', 'jsonpb', '--namespace', window.namespace, '--since', window.since], { timeoutMs: window.timeoutMs, signal: window.signal });
    return { node, pod: agent.pod, stdout: p.stdout, done: p.done };
}
/** `connections` new TCP connections from probe-client-i to probe-server-i. */
async function connectPair(kubectl, namespace, i, clientNode, serverNode, opts) {
    const server = await kubectl.get('pod', `probe-server-${i}`, namespace);
    const ip = server?.status?.podIP;
    if (!ip)
        throw new errors/* ActionError */.lZ(`The probe server pod probe-server-${i} in ${namespace} has no IP`);
    const run = { clientNode, serverNode, connectionsOk: 0, connectionErrors: [] };
    for (let c = 0; c < opts.connections; c++) {
        const r = await kubectl.execIn(namespace, `probe-client-${i}`, undefined, ['/agnhost', 'connect', `${ip}:${probe_manifest/* PROBE_PORT */.D7}`, '--timeout=5s'], {
            timeoutMs: 15_000,
            signal: opts.signal,
            quiet: c > 0,
        });
        if (r.code === 0 && !r.timedOut)
            run.connectionsOk++;
        else
            run.connectionErrors.push(r.timedOut ? 'timed out' : r.stderr.trim() || `exit ${r.code}`);
        // each connection is at most 15 s: one line per connection keeps the log moving
        (0,safe_log/* logInfo */.f)(`probe ${clientNode} → ${serverNode}: connection ${c + 1}/${opts.connections} ${r.code === 0 && !r.timedOut ? 'ok' : 'failed'} (${run.connectionsOk} ok so far)`);
    }
    return run;
}

;// CONCATENATED MODULE: ./src/steps/probe-check.ts
// The `connectivity` check: the cross-node probe, and (check `flows` without a flows-file) the flow
// verdict over the Hubble captures of the probe's traffic, taken while its namespace exists.


async function crossNodeProbe(ctx, session, { nodes, agents }, deadline, judgeFlows) {
    const { config } = ctx;
    const opts = { image: config.probeImage, timeoutMs: Math.max(30_000, deadline - Date.now()), connections: 5, pairs: config.probePairs };
    return withProbe(session.kubectl, config.namespace, nodes, agents, opts, async (run, captures) => {
        const flows = judgeFlows ? await judgeCaptures(ctx, captures, captureLabel(run, captures)) : await drain(captures);
        return { connectivity: probeJudgement(run), ...(flows && { flows }) };
    });
}
const captureLabel = (run, captures) => `Hubble on ${captures.map((c) => c.node).join(' and ')}, namespace ${run.namespace}`;
async function drain(captures) {
    await Promise.all(captures.map((c) => (c.stdout.resume(), c.done)));
    return undefined;
}
function probeJudgement(run) {
    const summary = `probe ${run.pairs.map((p) => `${p.clientNode} → ${p.serverNode} (${p.connectionsOk}/${p.connectionsOk + p.connectionErrors.length} connections)`).join(', ')}`;
    const dead = run.pairs.find((p) => p.connectionsOk === 0);
    // a pair that cannot connect at all is a broken path, whatever the other pairs did
    if (dead)
        return {
            verdict: 'fail',
            reason: `${summary}: no connection from ${dead.clientNode} to ${dead.serverNode} succeeded (${dead.connectionErrors[0] ?? ''})`,
        };
    return { verdict: 'pass', reason: summary };
}

// EXTERNAL MODULE: ./src/steps/mesh.ts + 12 modules
var mesh = __webpack_require__(4134);
// EXTERNAL MODULE: ./src/modes/record.ts
var record = __webpack_require__(2043);
;// CONCATENATED MODULE: ./src/modes/checks.ts












const NOTHING_VERIFIED = 'checks: none, so nothing was verified (no agent, probe or flow check ran)';
/** Runs the configured checks; what they found, for the mode to record (see record.ts). */
async function runChecks(ctx, session) {
    const { config, report } = ctx;
    if (config.checks.size === 0)
        return { judgement: { verdict: 'skipped', reason: NOTHING_VERIFIED } };
    const found = { outcomes: [] };
    try {
        await runAll(ctx, session, found);
    }
    catch (e) {
        // A check that throws ends the run: its summary still shows what the checks before it found.
        (0,record/* recordChecked */.ZY)(report, { ...found, judgement: (0,judgement/* worstOf */.hm)(found.outcomes) });
        throw e;
    }
    for (const e of found.flows?.overlayExamples ?? [])
        (0,safe_log/* logInfo */.f)(`to-overlay: ${e.source} → ${e.destination}${e.node ? ` on ${e.node}` : ''}`);
    const { outcomes, ...checked } = found;
    return { ...checked, judgement: (0,judgement/* worstOf */.hm)(outcomes) };
}
async function runAll(ctx, session, found) {
    const { config, report } = ctx;
    const deadline = Date.now() + config.timeoutMs;
    const fleet = session && readsFleet(config) ? await (0,steps_fleet/* readFleet */.p)(session.kubectl, config.namespace) : { nodes: [], agents: [] };
    if (session)
        await nodeChecks(ctx, session, fleet, deadline, found);
    await trafficChecks(ctx, session, fleet, deadline, found);
    // after the probe: its traffic has refreshed the WireGuard handshakes of the probed pairs
    if (session && wantsMesh(config)) {
        found.pairs = await (0,steps/* step */.P)(report, 'Check every node pair', () => (0,mesh/* checkMesh */.Y)(ctx, session.kubectl, fleet.nodes, fleet.agents, deadline));
        found.outcomes.push(...found.pairs);
    }
}
const wantsMesh = (config) => mesh/* MESH_CHECKS */.M.some((c) => config.checks.has(c));
// profile bgp: the BGP sessions are part of what `agents` proves (and can be asked for alone: `bgp`)
const wantsBgp = (config) => !!config.bgp && (config.checks.has('bgp') || config.checks.has('agents'));
const wantsLiveFlows = (config) => config.checks.has('flows') && !config.flowsFile;
function readsFleet(config) {
    return (wantsMesh(config) || wantsBgp(config) || config.checks.has('agents') || config.checks.has('connectivity') || wantsLiveFlows(config));
}
/** What every agent reports, and (profile bgp) every node's BGP sessions. */
async function nodeChecks(ctx, session, { nodes, agents }, deadline, found) {
    const { config, report } = ctx;
    if (config.checks.has('agents')) {
        found.agents = await (0,steps/* step */.P)(report, 'Check every agent', () => (0,steps_agents/* checkAgents */.vB)(ctx, session.kubectl, nodes, agents, deadline));
        found.outcomes.push({ check: 'agents', ...found.agents.judgement });
    }
    if (wantsBgp(config)) {
        const names = nodes.map((n) => n.name);
        found.bgp = await (0,steps/* step */.P)(report, "Check every node's BGP sessions", () => (0,bgp_check/* checkBgp */.KM)(ctx, session.kubectl, names, config.bgp));
        found.outcomes.push({ check: 'bgp', ...found.bgp.judgement });
    }
}
/** The flow verdict (a saved capture, the probe's traffic or the recent traffic) and the probe. */
async function trafficChecks(ctx, session, fleet, deadline, found) {
    const { config, report } = ctx;
    const { outcomes } = found;
    const flowsOutcome = () => ({ check: 'flows', verdict: found.flows.verdict, reason: found.flows.reason });
    if (config.flowsFile && config.checks.has('flows')) {
        found.flows = await (0,steps/* step */.P)(report, 'Analyse the saved flows', () => flowsFromFile(ctx, config.flowsFile));
        outcomes.push(flowsOutcome());
    }
    if (config.checks.has('connectivity') && session) {
        const probe = await (0,steps/* step */.P)(report, 'Cross-node probe', () => crossNodeProbe(ctx, session, fleet, deadline, wantsLiveFlows(config)));
        if (probe.flows) {
            found.flows = probe.flows;
            outcomes.push(flowsOutcome());
        }
        outcomes.push({ check: 'connectivity', ...probe.connectivity });
        if (config.connectivityTests && session.cilium)
            outcomes.push(await (0,steps/* step */.P)(report, 'cilium connectivity test', () => connectivityTests(ctx, session, deadline)));
    }
    else if (wantsLiveFlows(config) && session) {
        found.flows = await (0,steps/* step */.P)(report, 'Capture recent flows', () => recentFlows(ctx, session, fleet.agents));
        outcomes.push(flowsOutcome());
    }
}


/***/ }),

/***/ 4871:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ mapPool)
/* harmony export */ });
// Runs an async function over items with at most `limit` in flight, results in input order.
async function mapPool(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}


/***/ }),

/***/ 111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qT: () => (/* binding */ AGENT_CONCURRENCY),
  vB: () => (/* binding */ checkAgents),
  _O: () => (/* binding */ perExecTimeoutMs),
  XI: () => (/* binding */ recipeExpectation)
});

// EXTERNAL MODULE: ./src/cluster/agent-exec.ts
var agent_exec = __webpack_require__(1789);
;// CONCATENATED MODULE: ./src/cluster/agent-status.ts

async function collectAgentStatus(exec, namespace, agents, opts) {
    return (0,agent_exec/* runOnAgents */.Z)(exec, namespace, agents, [
        ['cilium-dbg', 'status'],
        ['cilium', 'status'],
    ], { ...opts, what: 'status' });
}

// EXTERNAL MODULE: ./src/cluster/direct-exec.ts + 3 modules
var direct_exec = __webpack_require__(1681);
// EXTERNAL MODULE: ./src/cluster/progress.ts
var progress = __webpack_require__(2403);
// EXTERNAL MODULE: ./src/cluster/nodes.ts
var cluster_nodes = __webpack_require__(9543);
// EXTERNAL MODULE: ./src/verify/status/index.ts + 5 modules
var verify_status = __webpack_require__(3105);
// EXTERNAL MODULE: ./src/bgp/expectation.ts
var bgp_expectation = __webpack_require__(363);
// EXTERNAL MODULE: ./src/cluster/restart.ts
var restart = __webpack_require__(3497);
;// CONCATENATED MODULE: ./src/steps/agents.ts
// The agents check: every agent's status read, parsed and judged; one row per node, returned with
// the cluster-wide routing and encryption for the mode to record.







/** At most this many execs at once: enough for a large fleet, gentle on the API server. */
const AGENT_CONCURRENCY = 16;
/** One agent's status should answer in seconds; a quarter of `timeout` bounds it on short time-outs. */
const PER_EXEC_TIMEOUT_MS = 30_000;
/** How long one read in an agent may take: at most 30 s, a quarter of `timeout`, what is left before the deadline; at least 2 s. */
function perExecTimeoutMs(ctx, deadline) {
    return Math.max(2_000, Math.min(PER_EXEC_TIMEOUT_MS, ctx.config.timeoutMs / 4, deadline - Date.now()));
}
/** What the recipe promises of every agent; node encryption only while the target chart has it (see RunContext). */
function recipeExpectation(ctx, routing = verify_status/* EXPECTED */.dS.routing) {
    return { ...verify_status/* EXPECTED */.dS, routing, nodeEncryption: ctx.nodeEncryption ?? verify_status/* EXPECTED */.dS.nodeEncryption };
}
/** `expectation`: what every agent must report (default: native + WireGuard; a migration gate asks for its own). */
async function checkAgents(ctx, kubectl, nodes, agents, deadline, expectation) {
    const direct = await (0,direct_exec/* execFunction */.gX)(kubectl);
    let read = 0;
    const exec = Object.assign((...args) => direct(...args).finally(() => read++), { expect: direct.expect });
    const outputs = await (0,progress/* withProgress */.E0)('reading agent status', async () => `agents: ${read}/${agents.length} read`, () => collectAgentStatus(exec, ctx.config.namespace, agents, {
        concurrency: AGENT_CONCURRENCY,
        perExecTimeoutMs: perExecTimeoutMs(ctx, deadline),
    }));
    const optsOut = new Set(nodes.filter(cluster_nodes/* optsOutOfNodeEncryption */.dE).map((n) => n.name));
    // profile bgp: encryption is the user's choice, so the agents must report what cilium-config says
    const bgpExpect = !expectation && ctx.config.profile === 'bgp' ? (0,bgp_expectation/* bgpAgentExpectation */.J)(await (0,restart/* liveCiliumConfig */.g7)(kubectl, ctx.config.namespace)) : undefined;
    if (bgpExpect?.encryption === 'wireguard')
        ctx.report.notes.push(bgp_expectation/* BGP_WIREGUARD_NOTE */.s);
    const expect = expectation ?? bgpExpect ?? recipeExpectation(ctx);
    const judged = (0,verify_status/* judgeAgents */.ep)(outputs.map((o) => ({
        ...(o.text !== undefined
            ? { node: o.node, pod: o.pod, status: (0,verify_status/* parseAgentStatus */.Fv)(o.text) }
            : { node: o.node, pod: o.pod, error: o.error }),
        optsOut: optsOut.has(o.node),
    })), nodes.length, expect);
    // notes and warnings are the run's running commentary, appended as found
    for (const p of judged.clusterProblems)
        ctx.report.warnings.push(p);
    return {
        judgement: { verdict: judged.ok ? 'pass' : 'fail', reason: judged.reason },
        rows: judged.rows.map(nodeRow),
        routingMode: judged.routingMode,
        encryption: judged.encryption,
    };
}
function nodeRow(r) {
    return {
        node: r.node,
        pod: r.pod,
        routing: r.routing,
        encryption: r.encryption,
        nodeEncryption: r.nodeEncryptionOptedOut
            ? 'opted out'
            : r.nodeEncryption === undefined
                ? '—'
                : r.nodeEncryption
                    ? 'enabled'
                    : 'disabled',
        peers: r.peers === undefined ? '—' : `${r.peers}/${r.expectedPeers}`,
        ok: r.ok,
        problems: r.problems,
    };
}


/***/ }),

/***/ 5488:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KM: () => (/* binding */ checkBgp),
  kO: () => (/* binding */ judgeRouteServer)
});

// UNUSED EXPORTS: limitWarnings

// EXTERNAL MODULE: ./src/bgp/inputs.ts
var inputs = __webpack_require__(3116);
// EXTERNAL MODULE: ./src/bgp/judge.ts
var judge = __webpack_require__(6590);
;// CONCATENATED MODULE: ./src/bgp/learned-routes.ts
// The optional Azure check: Route Server's learned routes (from `az network routeserver peering
// list-learned-routes`, one answer per peering) must hold every node's pod CIDR with that node as the
// next hop. Pure: the az calls live in src/cluster/az.ts.
/** `list-learned-routes` answers `{ "RouteServiceRole_IN_0": [...], "RouteServiceRole_IN_1": [...] }`. */
function routesOf(answer) {
    if (!answer || typeof answer !== 'object')
        return [];
    const lists = Array.isArray(answer) ? [answer] : Object.values(answer);
    return lists.flatMap((l) => (Array.isArray(l) ? l.filter((r) => r && typeof r === 'object') : []));
}
function judgeLearnedRoutes(nodes, routes, routeServer) {
    const missing = [];
    for (const n of nodes) {
        for (const cidr of n.podCidrs) {
            const learned = routes.filter((r) => r.network === cidr);
            if (learned.some((r) => r.nextHop === n.ip))
                continue;
            const via = [...new Set(learned.map((r) => r.nextHop ?? '?'))];
            missing.push(`${n.node} (${cidr} ${via.length ? `learned via ${via.join(', ')}, not ${n.ip}` : 'not learned'})`);
        }
    }
    const cidrs = nodes.reduce((k, n) => k + n.podCidrs.length, 0);
    if (nodes.length === 0)
        return { ok: false, missing, reason: 'no node pod CIDRs to look for' };
    if (missing.length === 0)
        return { ok: true, missing, reason: `Route Server ${routeServer} learned all ${cidrs} pod CIDRs with their node as next hop` };
    const shown = missing.slice(0, 5).join('; ') + (missing.length > 5 ? `; and ${missing.length - 5} more` : '');
    return { ok: false, missing, reason: `Route Server ${routeServer} lacks ${missing.length} of ${cidrs} pod CIDRs: ${shown}` };
}

// EXTERNAL MODULE: ./src/bgp/resources.ts
var resources = __webpack_require__(4172);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/process/run.ts + 1 modules
var run = __webpack_require__(8641);
;// CONCATENATED MODULE: ./src/cluster/az.ts
// The Azure CLI, read-only: Route Server's peerings and the routes it learned from each. argv only,
// never a shell; az comes from the runner's PATH and uses the login of an earlier step (azure/login).




const AZ_TIMEOUT_MS = 120_000;
/** The runner's environment without the action's inputs (INPUT_*): user input never reaches a child's environment. */
function azEnv() {
    return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_')));
}
async function az(bin, args, what) {
    const r = await (0,run/* runProcess */.R)(bin, [...args, '--output', 'json', '--only-show-errors'], { timeoutMs: AZ_TIMEOUT_MS, env: azEnv() });
    if (r.code !== 0 || r.timedOut) {
        throw new errors/* ActionError */.lZ(`az could not ${what}: ${r.timedOut ? 'timed out' : r.stderr.trim().split('\n')[0] || `exit code ${r.code}`}`, {
            hint: 'Log in first (azure/login) with an identity that may read the Route Server (Reader on its resource group).',
        });
    }
    try {
        return JSON.parse(r.stdout);
    }
    catch {
        throw new errors/* ActionError */.lZ(`az did not answer JSON when asked to ${what}`);
    }
}
/** Every route Route Server learned, over all of its peerings. */
async function learnedRoutes(rs) {
    const bin = await io/* which */.K7('az', false);
    if (!bin)
        throw new errors/* ActionError */.lZ('azure-route-server is set but az is not on the runner PATH', {
            hint: 'GitHub-hosted runners have the Azure CLI; on a self-hosted runner install it.',
        });
    const scope = ['--routeserver', rs.name, '--resource-group', rs.resourceGroup, '--subscription', rs.subscription];
    const peerings = await az(bin, ['network', 'routeserver', 'peering', 'list', ...scope], `list the peerings of Route Server ${rs.name}`);
    const names = (Array.isArray(peerings) ? peerings : []).map((p) => String(p.name ?? '')).filter(Boolean);
    const answers = await Promise.all(names.map((name) => az(bin, ['network', 'routeserver', 'peering', 'list-learned-routes', '--name', name, ...scope], `list the routes learned over peering ${name}`)));
    return answers.flatMap(routesOf);
}

// EXTERNAL MODULE: ./src/steps/bgp-resources.ts
var bgp_resources = __webpack_require__(7230);
;// CONCATENATED MODULE: ./src/steps/bgp-check.ts
// The `bgp` check (profile bgp): every node's BGP sessions and advertisement from its
// CiliumBGPNodeConfig status, Azure's limits as warnings, and optionally Route Server's learned routes.







/** Route Server starts dropping a peering above 1,000 routes: warn well before that. */
const ROUTES_WARN_AT = Math.floor(inputs/* ROUTE_SERVER_MAX_ROUTES */.mc * 0.9);
async function checkBgp(ctx, kubectl, nodes, bgp) {
    const judged = (0,judge/* judgeBgp */.F)((await (0,bgp_resources/* readBgpNodeConfigs */.Tr)(kubectl)), nodes, bgp);
    const found = { rows: judged.rows, established: judged.established, expected: judged.expected };
    // notes and warnings are the run's running commentary, appended as found
    ctx.report.warnings.push(...limitWarnings(nodes.length, bgp));
    if (!judged.ok)
        return { ...found, judgement: { verdict: 'fail', reason: judged.reason } };
    if (!bgp.routeServer)
        return { ...found, judgement: { verdict: 'pass', reason: judged.reason } };
    try {
        const r = await judgeRouteServer(kubectl, nodes, bgp.routeServer);
        const judgement = r.ok
            ? { verdict: 'pass', reason: `${judged.reason}; ${r.reason}` }
            : { verdict: 'fail', reason: r.reason };
        return { ...found, routeServer: r.reason, judgement };
    }
    catch (e) {
        const judgement = { verdict: 'fail', reason: `learned routes: ${(0,errors/* errorMessage */.gJ)(e).split('\n')[0]}` };
        return { ...found, routeServer: (0,errors/* errorMessage */.gJ)(e), judgement };
    }
}
/** Route Server's learned routes against every node's pod CIDR and address (az, read-only). */
async function judgeRouteServer(kubectl, nodes, rs) {
    const [routes, ciliumNodes] = await Promise.all([learnedRoutes(rs), kubectl.list('ciliumnodes.cilium.io', undefined)]);
    return judgeLearnedRoutes(nodeRoutes(ciliumNodes, nodes), routes, rs.name);
}
/** Azure's Route Server limits, as warnings: they hold for the cluster as it grows, not for one run. */
function limitWarnings(nodeCount, bgp) {
    const out = [];
    if ((0,resources/* peersWithRouteServer */.eg)(bgp) && nodeCount > inputs/* ROUTE_SERVER_MAX_PEERS */.t1) {
        out.push(`${nodeCount} nodes peer with Route Server directly, but it accepts at most ${inputs/* ROUTE_SERVER_MAX_PEERS */.t1} BGP peers: the sessions of the others are refused. Peer the nodes with a route reflector and list only the reflector in bgp-peers.`);
    }
    if (nodeCount >= ROUTES_WARN_AT) {
        out.push(`${nodeCount} pod CIDRs are advertised; Route Server drops a peering that advertises more than ${inputs/* ROUTE_SERVER_MAX_ROUTES */.mc} routes (a route reflector advertises all of them over one peering).`);
    }
    return out;
}
/** Each node's VNet address and pod CIDRs, as its agent published them in its CiliumNode. */
function nodeRoutes(ciliumNodes, nodes) {
    return ciliumNodes
        .filter((cn) => nodes.includes(cn.metadata.name))
        .map((cn) => {
        const spec = (cn.spec ?? {});
        return {
            node: cn.metadata.name,
            ip: spec.addresses?.find((a) => a.type === 'InternalIP')?.ip ?? '',
            podCidrs: (spec.ipam?.podCIDRs ?? []).filter((c) => !c.includes(':')),
        };
    });
}


/***/ }),

/***/ 6389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ openCluster)
/* harmony export */ });
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8701);
/* harmony import */ var _cluster_helm_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1972);
/* harmony import */ var _cluster_kubectl_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9812);
/* harmony import */ var _cluster_kubeconfig_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2315);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
// A session against the cluster: kubeconfig resolved (and removed afterwards), helm and kubectl bound to it.





/** `tools`: the installed binaries (helm only where a release is read, the Cilium CLI only for connectivity-tests). */
async function openCluster(ctx, tools) {
    const kubectlPath = await _actions_io__WEBPACK_IMPORTED_MODULE_0__/* .which */ .K7('kubectl', false);
    if (!kubectlPath) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ('kubectl is not on the runner PATH', {
            hint: 'GitHub-hosted runners have it; on a self-hosted runner install it first (e.g. azure/setup-kubectl).',
        });
    }
    const access = (0,_cluster_kubeconfig_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveAccess */ .pQ)(ctx.config.kubeconfig, ctx.config.context, ctx.config.runnerTemp);
    return {
        access,
        helm: tools.helm ? new _cluster_helm_js__WEBPACK_IMPORTED_MODULE_1__/* .Helm */ .f(tools.helm, access) : undefined,
        kubectl: new _cluster_kubectl_js__WEBPACK_IMPORTED_MODULE_2__/* .Kubectl */ .b(kubectlPath, access),
        cilium: tools.cilium,
        close: access.cleanup,
    };
}


/***/ }),

/***/ 4071:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ readFleet)
/* harmony export */ });
/* harmony import */ var _cluster_nodes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9543);

async function readFleet(kubectl, namespace) {
    const [nodes, agents] = await Promise.all([(0,_cluster_nodes_js__WEBPACK_IMPORTED_MODULE_0__/* .listNodes */ .iR)(kubectl), (0,_cluster_nodes_js__WEBPACK_IMPORTED_MODULE_0__/* .listAgents */ .vc)(kubectl, namespace)]);
    return { nodes, agents };
}


/***/ }),

/***/ 4134:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M: () => (/* binding */ MESH_CHECKS),
  Y: () => (/* binding */ checkMesh)
});

// EXTERNAL MODULE: ./src/cluster/agent-exec.ts
var agent_exec = __webpack_require__(1789);
// EXTERNAL MODULE: ./src/cluster/direct-exec.ts + 3 modules
var direct_exec = __webpack_require__(1681);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/values/cidr.ts
var cidr = __webpack_require__(1966);
;// CONCATENATED MODULE: ./src/cluster/mesh-inputs.ts
// What the per-pair checks compare against: each node's InternalIP and pod CIDRs (from its
// CiliumNode: with cluster-pool IPAM the pod CIDRs live there, not on the Node), and when
// cilium-config last changed (the newest managedFields entry: every writer, helm included, leaves one).


async function listMeshNodes(kubectl) {
    const items = await kubectl.list('ciliumnodes.cilium.io', undefined);
    return items.map((n) => {
        const spec = (n.spec ?? {});
        const node = {
            name: n.metadata.name,
            podCidrs: (spec.ipam?.podCIDRs ?? []).flatMap((c) => {
                const p = (0,cidr/* parseCidr */.G)(String(c));
                return p.ok ? [p.cidr] : [];
            }),
        };
        const ip = spec.addresses?.find((a) => a.type === 'InternalIP')?.ip;
        if (ip)
            node.ip = ip;
        return node;
    });
}
/** epoch ms of the last write to cilium-config; undefined when it does not exist */
async function configChangedAt(kubectl, namespace) {
    // kubectl leaves managedFields out of its output unless asked
    const r = await kubectl.exec(['get', 'configmap', 'cilium-config', '--namespace', namespace, '--show-managed-fields', '--output', 'json'], { quiet: true });
    if (r.code !== 0) {
        if (/NotFound|not found/.test(r.stderr))
            return undefined;
        throw new errors/* ActionError */.lZ(`kubectl could not read configmap/cilium-config: ${r.stderr.trim()}`);
    }
    const meta = JSON.parse(r.stdout).metadata;
    const times = [...(meta.managedFields ?? []).map((f) => f.time), meta.creationTimestamp]
        .map((t) => Date.parse(t ?? ''))
        .filter(Number.isFinite);
    return times.length > 0 ? Math.max(...times) : undefined;
}

// EXTERNAL MODULE: ./src/process/pool.ts
var pool = __webpack_require__(4871);
;// CONCATENATED MODULE: ./src/verify/mesh/pairs.ts
const SHOWN_IN_REASON = 3;
function judgement(check, verdict, problems, passReason, emptyReason) {
    if (verdict === 'pass')
        return { check, verdict, reason: passReason, problems: [] };
    const shown = problems.slice(0, SHOWN_IN_REASON).join('; ');
    const more = problems.length > SHOWN_IN_REASON ? ` and ${problems.length - SHOWN_IN_REASON} more` : '';
    const reason = problems.length === 0
        ? (emptyReason ?? 'nothing could be checked')
        : `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}: ${shown}${more}`;
    return { check, verdict, reason, problems };
}

;// CONCATENATED MODULE: ./src/verify/mesh/judge-delta.ts

function judgeDelta(results, configChangedMs) {
    const problems = [];
    let unknown = 0;
    let byStart = 0;
    for (const r of results) {
        if (r.delta !== undefined) {
            if (r.delta !== 0)
                problems.push(`${r.node}: runs an older config (cilium_drift_checker_config_delta ${r.delta})`);
            continue;
        }
        if (r.startedAtMs === undefined || configChangedMs === undefined) {
            unknown++;
            problems.push(`${r.node}: no config-delta metric${r.error ? ` (${r.error})` : ''} and no start time to compare with cilium-config`);
            continue;
        }
        byStart++;
        if (r.startedAtMs < configChangedMs) {
            problems.push(`${r.node}: started ${new Date(r.startedAtMs).toISOString()}, before cilium-config last changed (${new Date(configChangedMs).toISOString()})`);
        }
    }
    const failing = problems.length - unknown;
    const verdict = failing > 0 ? 'fail' : unknown > 0 || results.length === 0 ? 'inconclusive' : 'pass';
    const how = byStart > 0 ? ` (${byStart} by start time, no drift metric)` : '';
    return judgement('config-delta', verdict, problems, `all ${results.length} agents run the current cilium-config${how}`, 'no agent answered');
}

;// CONCATENATED MODULE: ./src/verify/mesh/health.ts
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v) => (typeof v === 'string' ? v : undefined);
/** Throws when the text is not a health status object. */
function parseHealthJson(text) {
    const value = JSON.parse(text);
    if (!isObj(value) || !Array.isArray(value.nodes))
        throw new Error('not a cilium-health status (no "nodes" list)');
    const nodes = [];
    for (const n of value.nodes) {
        if (!isObj(n) || !str(n.name))
            continue;
        const endpoint = isObj(n['health-endpoint']) ? n['health-endpoint'] : isObj(n.endpoint) ? n.endpoint : undefined;
        nodes.push({ name: str(n.name), host: pathOf(isObj(n.host) ? n.host : undefined), endpoint: pathOf(endpoint) });
    }
    const out = { nodes };
    if (isObj(value.local) && str(value.local.name))
        out.local = str(value.local.name);
    if (str(value.timestamp))
        out.timestamp = str(value.timestamp);
    return out;
}
/** The node name without the `cluster/` prefix. */
function bareNodeName(name) {
    return name.slice(name.lastIndexOf('/') + 1);
}
// Cilium's own rule (pkg/health/client): a probe with a non-empty status failed; a missing probe
// result is unknown (a node still starting); a missing path is unreachable.
function pathOf(parent) {
    if (!parent)
        return { state: 'absent' };
    // the legacy `endpoint` is the path itself ({ip, icmp, http}), without primary-address
    const primary = isObj(parent['primary-address']) ? parent['primary-address'] : 'ip' in parent || 'icmp' in parent ? parent : undefined;
    if (!primary)
        return { state: 'unreachable', detail: 'no primary address' };
    const path = { state: 'reachable' };
    if (str(primary.ip))
        path.ip = str(primary.ip);
    for (const [probe, label] of [
        [primary.icmp, 'ICMP'],
        [primary.http, 'HTTP'],
    ]) {
        if (!isObj(probe)) {
            if (path.state === 'reachable')
                path.state = 'unknown';
            continue;
        }
        const status = str(probe.status);
        if (status) {
            path.state = 'unreachable';
            path.detail = `${label}: ${status}`;
            break;
        }
    }
    return path;
}

;// CONCATENATED MODULE: ./src/verify/mesh/judge-health.ts


function judgeHealth(results, nodeNames) {
    const judge = healthJudge(nodeNames);
    results.forEach((r, i) => judge.add(r, i));
    return judge.result();
}
/**
 * The same judgement agent by agent, as their reads arrive: a fleet's agents print n² entries in
 * all, which need not be held at once. Problems are listed in the agents' order (index).
 */
function healthJudge(nodeNames) {
    const broken = [];
    const unknown = [];
    let agents = 0;
    return {
        add(r, index) {
            agents++;
            const b = (broken[index] = []);
            const u = (unknown[index] = []);
            if (r.reachable) {
                for (const to of nodeNames)
                    if (!r.reachable.has(to))
                        b.push(`${r.node} → ${to}: not in the agent's health mesh`);
                return;
            }
            if (!r.status) {
                b.push(`${r.node}: health status could not be read (${r.error ?? 'no output'})`);
                return;
            }
            const seen = new Map(r.status.nodes.map((n) => [bareNodeName(n.name), n]));
            for (const to of nodeNames) {
                const n = seen.get(to);
                if (!n) {
                    b.push(`${r.node} → ${to}: not in the agent's health mesh`);
                    continue;
                }
                for (const [what, path] of [
                    ['node', n.host],
                    ['health endpoint', n.endpoint],
                ]) {
                    const where = `${r.node} → ${to} ${what}${path.ip ? ` ${path.ip}` : ''}`;
                    if (path.state === 'unreachable' || path.state === 'absent')
                        b.push(`${where}: unreachable${path.detail ? ` (${path.detail})` : ''}`);
                    else if (path.state === 'unknown')
                        u.push(`${where}: not probed yet`);
                }
            }
        },
        result() {
            const b = broken.flat();
            const u = unknown.flat();
            const pairs = agents * nodeNames.length;
            const verdict = b.length > 0 ? 'fail' : u.length > 0 || agents === 0 ? 'inconclusive' : 'pass';
            const ok = `all ${pairs} node pairs (from ${agents} agents) reach each other's node and health endpoint`;
            return judgement('health', verdict, b.length > 0 ? b : u, ok, agents === 0 ? 'no agent answered' : undefined);
        },
    };
}

;// CONCATENATED MODULE: ./src/verify/mesh/lines.ts
// The jsonpath reads scan their output line by line without splitting it: a fleet's agents print n²
// lines in all, and a line is judged from offsets into the text.
/** each(start, end) for every non-empty line, `end` excluding the newline; false as soon as one gives false. */
function everyLine(text, each) {
    let at = 0;
    while (at < text.length) {
        let end = text.indexOf('\n', at);
        if (end < 0)
            end = text.length;
        if (end > at && !each(at, end))
            return false;
        at = end + 1;
    }
    return true;
}
const ZERO = 48;
const NINE = 57;
const isDigit = (c) => c >= ZERO && c <= NINE;
const COLON = 58;
/** Where the `:` before the port is when text[from, to) ends in `:` and digits (host:port), else -1. */
function portColon(text, from, to) {
    let i = to;
    while (i > from && isDigit(text.charCodeAt(i - 1)))
        i--;
    return i < to && i > from && text.charCodeAt(i - 1) === COLON ? i - 1 : -1;
}

;// CONCATENATED MODULE: ./src/verify/mesh/judge-peers.ts
// WireGuard per peer: every other node is a peer of each agent (endpoint = that node's IP on the
// WireGuard port), the peer's allowed IPs cover that node's pods, and the handshake is recent.
// Handshakes are expected on every pair, not only the probed ones: cilium-health probes every node's
// health endpoint (a pod IP, so through WireGuard) about once a minute, and WireGuard re-keys every
// 2 minutes while traffic flows, so a handshake older than 3 minutes means a pair that stopped.



const OPEN = 91; // [
const CLOSE = 93; // ]
const WIREGUARD_PORT = 51871;
const MAX_HANDSHAKE_AGE_MS = 3 * 60_000;
const PORT_SUFFIX = `:${WIREGUARD_PORT}`;
function judgePeers(results, nodes, nowMs) {
    const judge = peersJudge(nodes);
    results.forEach((r, i) => judge.add(r, i, nowMs));
    return judge.result();
}
/**
 * The same judgement agent by agent, as their reads arrive (nowMs: when that agent was read): a
 * fleet's agents list n² peers in all, which need not be held at once. Problems are listed in the
 * agents' order (index).
 */
function peersJudge(nodes) {
    const perAgent = [];
    let agents = 0;
    // every agent holds the same allowed IPs for a given node: remember the last list judged per node,
    // so a fleet's n² peerings cost n judgements of allowed IPs, not n²
    const last = new Map();
    const covers = (allowed, node) => {
        const l = last.get(node);
        if (l && sameList(l.allowed, allowed))
            return l.ok;
        const ok = coversPods(allowed, node.podCidrs);
        last.set(node, { allowed, ok });
        return ok;
    };
    // the endpoint each node's peer has when all is well, to find it without splitting every endpoint
    const expected = nodes.map((n) => `${n.ip ?? ''}${PORT_SUFFIX}`);
    return {
        add(r, index, nowMs) {
            agents++;
            const problems = (perAgent[index] = []);
            if (!r.debug) {
                problems.push(`${r.node}: WireGuard peers could not be read (${r.error ?? 'no output'})`);
                return;
            }
            const found = peerFinder(r.debug);
            for (let n = 0; n < nodes.length; n++) {
                if (nodes[n].name !== r.node)
                    pairProblems(r.node, nodes[n], found(nodes[n].ip ?? '', expected[n]), covers, nowMs, problems);
            }
        },
        result() {
            const problems = perAgent.flat();
            const verdict = problems.length > 0 ? 'fail' : agents === 0 ? 'inconclusive' : 'pass';
            const pairs = agents * Math.max(0, nodes.length - 1);
            return judgement('wireguard-peers', verdict, problems, `all ${pairs} WireGuard peerings present, routing the peer's pods, handshakes under ${MAX_HANDSHAKE_AGE_MS / 60_000} min`, 'no agent answered');
        },
    };
}
/**
 * Depending on version and IPAM, a peer's allowed IPs hold the node's pod CIDR or each pod's own
 * /32: either covers the node's pods. A /32 counts when it lies in one of the node's pod CIDRs.
 */
function coversPods(allowedIps, podCidrs) {
    const allowed = allowedIps.map((a) => (0,cidr/* parseCidr */.G)(a.includes('/') ? a : `${a}/32`)).flatMap((p) => (p.ok ? [p.cidr] : []));
    return podCidrs.every((pod) => allowed.some((a) => (0,cidr/* cidrContains */.e)(a, pod) || (a.endsWith('/32') && (0,cidr/* cidrContains */.e)(pod, a))));
}
/**
 * The peer whose endpoint host is a node's IP (the last one listed, when several are), with its
 * port. Endpoints of the usual `host:51871` form are looked up whole; only the others are split.
 */
function peerFinder(links) {
    const peers = [];
    const byEndpoint = new Map();
    let byHost;
    for (const i of links.interfaces)
        for (const peer of i.peers) {
            const at = peers.push(peer) - 1;
            const e = peer.endpoint;
            const usual = e.endsWith(PORT_SUFFIX) && e.charCodeAt(0) !== OPEN && e.charCodeAt(e.length - PORT_SUFFIX.length - 1) !== CLOSE;
            if (usual)
                byEndpoint.set(e, at);
            else
                (byHost ??= new Map()).set(splitEndpoint(e).host, at);
        }
    return (ip, usual) => {
        const a = byEndpoint.get(usual) ?? -1;
        const b = byHost?.get(ip) ?? -1;
        if (a < 0 && b < 0)
            return undefined;
        if (a > b)
            return { peer: peers[a], port: WIREGUARD_PORT };
        const peer = peers[b];
        return { peer, port: splitEndpoint(peer.endpoint).port };
    };
}
function sameList(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}
/** `host:port`, `[v6]:port` or a bare host, split once per peer (by hand: a fleet has n² peers) */
function splitEndpoint(endpoint) {
    const colon = portColon(endpoint, 0, endpoint.length);
    const hasPort = colon >= 0;
    let from = 0;
    let to = hasPort ? colon : endpoint.length;
    if (endpoint.charCodeAt(0) === OPEN)
        from = 1;
    if (to > from && endpoint.charCodeAt(to - 1) === CLOSE)
        to--;
    const host = from === 0 && to === endpoint.length ? endpoint : endpoint.slice(from, to);
    return hasPort ? { host, port: Number(endpoint.slice(colon + 1)) } : { host };
}
/** What is wrong between node self and other, from self's peer for other (found by other's IP), into out. */
function pairProblems(self, other, found, covers, nowMs, out) {
    if (!other.ip) {
        out.push(`${self} ↔ ${other.name}: ${other.name} has no InternalIP to match a peer to`);
        return;
    }
    const { peer, port } = found ?? {};
    if (!peer) {
        out.push(`${self} ↔ ${other.name}: no WireGuard peer with endpoint ${other.ip}:${WIREGUARD_PORT}`);
        return;
    }
    if (port !== WIREGUARD_PORT)
        out.push(`${self} ↔ ${other.name}: peer endpoint ${peer.endpoint} is not on port ${WIREGUARD_PORT}`);
    if (other.podCidrs.length > 0 && !covers(peer.allowedIps, other)) {
        out.push(`${self} ↔ ${other.name}: allowed IPs ${peer.allowedIps.join(', ') || '(none)'} do not cover ${other.name}'s pods (${other.podCidrs.join(', ')})`);
    }
    if (peer.lastHandshakeMs === undefined)
        out.push(`${self} ↔ ${other.name}: no handshake ever`);
    else if (nowMs - peer.lastHandshakeMs > MAX_HANDSHAKE_AGE_MS) {
        out.push(`${self} ↔ ${other.name}: stale handshake (last ${Math.round((nowMs - peer.lastHandshakeMs) / 1000)} s ago)`);
    }
}

;// CONCATENATED MODULE: ./src/verify/mesh/health-jsonpath.ts
// The health mesh in a few bytes per node: `cilium-health status -o jsonpath=…` prints one line per
// node instead of the whole HealthStatusResponse (whose size grows with n² over a fleet: every agent
// lists every node). Cilium runs the query with client-go's jsonpath over its Go structs
// (pkg/command DumpJSONToString, AllowMissingKeys): under a missing probe or path nothing prints, a
// present probe prints its latency (0 included), a status message prints raw. Only the all-healthy
// shape is read here (both probes on both paths present, no status); any other line gives
// undefined and the caller reads the full JSON instead, so a problem is always named from Cilium's
// full output (addresses included).

const PRIMARY = ['.host.primary-address', '.health-endpoint.primary-address'];
const PROBES = PRIMARY.flatMap((p) => [`${p}.icmp`, `${p}.http`]);
/** name, the four probes' latencies, then their status messages run together (empty when all passed) */
const HEALTH_JSONPATH = `{range .nodes[*]}{.name}${PROBES.map((p) => `{'\\t'}{${p}.latency}`).join('')}{'\\t'}${PROBES.map((p) => `{${p}.status}`).join('')}{'\\n'}{end}`;
const TAB = 9;
const SLASH = 47;
/**
 * The bare names of the nodes the agent reaches on every path, when every line says so; otherwise
 * undefined. Scanned by hand: a fleet's agents print n² lines in all.
 */
function healthFromLines(text) {
    const reachable = new Set();
    // name \t latency ×4 \t (no status)
    const healthy = everyLine(text, (at, end) => {
        const tab = text.indexOf('\t', at);
        if (tab <= at || tab >= end)
            return false;
        let i = tab;
        for (let probe = 0; probe < PROBES.length; probe++) {
            if (text.charCodeAt(i) !== TAB)
                return false;
            const from = ++i;
            while (i < end && isDigit(text.charCodeAt(i)))
                i++;
            if (i === from)
                return false;
        }
        if (i !== end - 1 || text.charCodeAt(i) !== TAB)
            return false;
        // `cluster/node` from 1.9 on
        // (searched back to the line's start only: lastIndexOf would go on through the lines before)
        let from = tab;
        while (from > at && text.charCodeAt(from - 1) !== SLASH)
            from--;
        reachable.add(text.slice(from, tab));
        return true;
    });
    return healthy && reachable.size > 0 ? { reachable } : undefined;
}

;// CONCATENATED MODULE: ./src/verify/mesh/metrics.ts
// One gauge from `cilium-dbg metrics list`: the text table (`Metric  Labels  Value`, the value
// printed as %f) or `-o json` (a list of {name, labels, value}).
const CONFIG_DELTA_METRIC = 'cilium_drift_checker_config_delta';
/** The metric's value (summed over label sets), or undefined when the agent does not export it. */
function metricValue(output, name) {
    const trimmed = output.trimStart();
    if (trimmed.startsWith('[') || trimmed.startsWith('{'))
        return fromJson(trimmed, name);
    let total;
    for (const line of output.split('\n')) {
        const cols = line.trim().split(/\s+/);
        if (cols[0] !== name)
            continue;
        const v = Number(cols[cols.length - 1]);
        if (Number.isFinite(v))
            total = (total ?? 0) + v;
    }
    return total;
}
function fromJson(text, name) {
    const value = JSON.parse(text);
    const list = Array.isArray(value) ? value : [];
    let total;
    for (const m of list) {
        if (typeof m !== 'object' || m === null)
            continue;
        const { name: n, value: v } = m;
        if (n === name && typeof v === 'number')
            total = (total ?? 0) + v;
    }
    return total;
}

;// CONCATENATED MODULE: ./src/verify/mesh/utc-time.ts
// A time as Go prints a strfmt.DateTime in UTC (`2025-04-24T11:13:49.102Z`, quoted in JSON), read
// digit by digit: a fleet's agents print n² WireGuard handshake times, and the regular expression
// with Date.parse after it was the larger part of reading a peer. Any other form (an offset, more
// digits, an impossible date, Go's zero time) is left to the general path.

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// the separators of 2025-04-24T11:13:49.102Z, and the quotes around it
const [QUOTE, DASH, DOT, utc_time_COLON, T, Z] = [...'"-.:TZ'].map((ch) => ch.charCodeAt(0));
/** two digits at i, or -1 */
function twoDigits(text, i) {
    const a = text.charCodeAt(i) - ZERO;
    const b = text.charCodeAt(i + 1) - ZERO;
    return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}
/** epoch ms of text[from, to) in that form after 1970, the same as Date.parse gives; else undefined */
function utcMillis(text, from, to) {
    if (text.charCodeAt(from) === QUOTE && text.charCodeAt(to - 1) === QUOTE && to - from > 1) {
        from++;
        to--;
    }
    const len = to - from;
    if (len !== 20 && len !== 24)
        return undefined;
    // (no closure over from: it would keep this function from being optimised)
    if (text.charCodeAt(from + 4) !== DASH ||
        text.charCodeAt(from + 7) !== DASH ||
        text.charCodeAt(from + 10) !== T ||
        text.charCodeAt(from + 13) !== utc_time_COLON ||
        text.charCodeAt(from + 16) !== utc_time_COLON ||
        text.charCodeAt(to - 1) !== Z)
        return undefined;
    const hi = twoDigits(text, from);
    const lo = twoDigits(text, from + 2);
    const month = twoDigits(text, from + 5);
    const day = twoDigits(text, from + 8);
    const hour = twoDigits(text, from + 11);
    const minute = twoDigits(text, from + 14);
    const second = twoDigits(text, from + 17);
    let ms = 0;
    if (len === 24) {
        const m = twoDigits(text, from + 20);
        const last = text.charCodeAt(from + 22) - ZERO;
        if (text.charCodeAt(from + 19) !== DOT || m < 0 || last < 0 || last > 9)
            return undefined;
        ms = m * 10 + last;
    }
    if (hi < 0 || lo < 0)
        return undefined;
    const year = hi * 100 + lo;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = month === 2 && leap ? 29 : (DAYS[month - 1] ?? 0);
    if (year <= 1970 || day < 1 || day > days || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
        return undefined;
    return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

;// CONCATENATED MODULE: ./src/verify/mesh/wireguard-peers.ts
const wireguard_peers_isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const wireguard_peers_str = (v) => (typeof v === 'string' ? v : undefined);
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** Throws when the text carries no WireGuard section. */
function parseWireguardDebug(text) {
    const value = JSON.parse(text);
    if (!wireguard_peers_isObj(value))
        throw new Error('debuginfo JSON is not an object');
    const enc = wireguard_peers_isObj(value.encryption) ? value.encryption : value;
    const wg = wireguard_peers_isObj(enc.wireguard) ? enc.wireguard : undefined;
    if (!wg)
        throw new Error('the debuginfo has no encryption.wireguard section (WireGuard is not enabled on this agent)');
    const out = { interfaces: [] };
    if (wireguard_peers_str(wg['node-encryption']))
        out.nodeEncryption = wireguard_peers_str(wg['node-encryption']);
    for (const i of Array.isArray(wg.interfaces) ? wg.interfaces : []) {
        if (!wireguard_peers_isObj(i))
            continue;
        const iface = { name: wireguard_peers_str(i.name) ?? '?', peers: [] };
        if (num(i['listen-port']) !== undefined)
            iface.port = num(i['listen-port']);
        for (const p of Array.isArray(i.peers) ? i.peers : [])
            if (wireguard_peers_isObj(p))
                iface.peers.push(peerOf(p));
        out.interfaces.push(iface);
    }
    return out;
}
function peerOf(p) {
    const peer = {
        publicKey: wireguard_peers_str(p['public-key']) ?? '',
        endpoint: wireguard_peers_str(p.endpoint) ?? '',
        allowedIps: Array.isArray(p['allowed-ips']) ? p['allowed-ips'].filter((a) => typeof a === 'string') : [],
    };
    const t = handshakeMs(wireguard_peers_str(p['last-handshake-time']) ?? '');
    if (t !== undefined)
        peer.lastHandshakeMs = t;
    if (num(p['transfer-rx']) !== undefined)
        peer.rxBytes = num(p['transfer-rx']);
    if (num(p['transfer-tx']) !== undefined)
        peer.txBytes = num(p['transfer-tx']);
    return peer;
}
/** epoch ms of a handshake time; undefined for none (Go prints a peer that never shook hands as 0001-01-01T00:00:00Z) */
function handshakeMs(time) {
    const t = Date.parse(time);
    return Number.isFinite(t) && t > 0 ? t : undefined;
}

;// CONCATENATED MODULE: ./src/verify/mesh/peers-jsonpath.ts



const PEERS_JSONPATH = "{range .encryption.wireguard.interfaces[*]}{range .peers[*]}{.endpoint}{'\\t'}{.last-handshake-time}{'\\t'}{.allowed-ips[*]}{'\\n'}{end}{end}";
// quoted as Go prints a strfmt.DateTime; bare is read too
const TIME = /^"?(\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d))"?$/;
const peers_jsonpath_TAB = 9;
const SPACE = 32;
/**
 * The peers when every line is one; otherwise undefined. Scanned by hand: a fleet's agents print n²
 * lines in all.
 */
function peersFromLines(text) {
    const peers = [];
    const understood = everyLine(text, (at, end) => {
        // endpoint \t handshake \t allowed IPs (space-separated, no tab)
        const t1 = text.indexOf('\t', at);
        if (t1 < 0 || t1 >= end || !isEndpoint(text, at, t1))
            return false;
        const t2 = text.indexOf('\t', t1 + 1);
        if (t2 < 0 || t2 >= end)
            return false;
        const time = handshakeAt(text, t1 + 1, t2);
        if (time === null)
            return false;
        // as split(' '), an empty field giving no IP
        const allowedIps = [];
        if (t2 + 1 < end)
            for (let from = t2 + 1, i = from; i <= end; i++) {
                const c = i < end ? text.charCodeAt(i) : SPACE;
                if (c === peers_jsonpath_TAB)
                    return false;
                if (c !== SPACE)
                    continue;
                allowedIps.push(text.slice(from, i));
                from = i + 1;
            }
        const peer = { endpoint: text.slice(at, t1), allowedIps };
        if (time !== undefined)
            peer.lastHandshakeMs = time;
        peers.push(peer);
        return true;
    });
    return understood && peers.length > 0 ? { interfaces: [{ peers }] } : undefined;
}
/** text[from, to) is `host:port` with no white space (as /^\S+:\d+$/) */
function isEndpoint(text, from, to) {
    const colon = portColon(text, from, to);
    if (colon <= from)
        return false;
    for (let j = from; j < colon; j++)
        if (isSpace(text.charCodeAt(j)))
            return false;
    return true;
}
/** JavaScript's \s */
const isSpace = (c) => c === SPACE ||
    (c >= 9 && c <= 13) ||
    (c > 127 &&
        (c === 0xa0 ||
            c === 0x1680 ||
            (c >= 0x2000 && c <= 0x200a) ||
            c === 0x2028 ||
            c === 0x2029 ||
            c === 0x202f ||
            c === 0x205f ||
            c === 0x3000 ||
            c === 0xfeff));
/** The handshake in text[from, to): epoch ms, undefined for none (Go's zero time), null when it is not a time */
function handshakeAt(text, from, to) {
    const fast = utcMillis(text, from, to);
    if (fast !== undefined)
        return fast;
    const time = TIME.exec(text.slice(from, to))?.[1];
    return time === undefined ? null : handshakeMs(time);
}

// EXTERNAL MODULE: ./src/steps/agents.ts + 1 modules
var steps_agents = __webpack_require__(111);
;// CONCATENATED MODULE: ./src/steps/mesh.ts
// The per-pair checks (`health`, `wireguard-peers`, `config-delta`): what every agent says about
// every other node, read from all agents concurrently: one bounded pool over the agents' reads, an
// agent's reads next to each other, so the reads of one agent cost one exec latency. Health and WireGuard
// peers are asked for with a jsonpath query that prints only what the judges read (the full JSON
// grows with n² over a fleet); an agent whose answer is not the all-healthy shape is read again in
// full JSON, so every problem is named from Cilium's complete output. Judged in src/verify/mesh.














const MESH_CHECKS = ['health', 'wireguard-peers', 'config-delta'];
const debuginfo = (output) => ['cilium-dbg', 'cilium'].map((bin) => [bin, 'debuginfo', '--output', output]);
const READS = {
    health: {
        what: 'cilium-health status',
        cheap: { alternatives: [['cilium-health', 'status', '-o', `jsonpath=${HEALTH_JSONPATH}`]], accept: healthFromLines },
        full: { alternatives: [['cilium-health', 'status', '-o', 'json']], parse: (text) => ({ status: parseHealthJson(text) }) },
    },
    'wireguard-peers': {
        what: 'debuginfo',
        cheap: { alternatives: debuginfo(`jsonpath=${PEERS_JSONPATH}`), accept: peersFromLines },
        full: { alternatives: debuginfo('json'), parse: parseWireguardDebug },
    },
    'config-delta': {
        what: 'metrics list',
        // the gauge, or undefined when the agent does not export it
        full: {
            alternatives: [['cilium-dbg', 'metrics', 'list', '-p', 'drift_checker_config_delta']],
            parse: (text) => ({ delta: metricValue(text, CONFIG_DELTA_METRIC) }),
        },
    },
};
async function checkMesh(ctx, kubectl, nodes, agents, deadline) {
    const wanted = MESH_CHECKS.filter((c) => ctx.config.checks.has(c));
    if (wanted.length === 0)
        return [];
    const failed = (c, e) => ({ check: c, verdict: 'fail', reason: (0,errors/* errorMessage */.gJ)(e), problems: [] });
    // the exec client first (the first read waits for its kubeconfig read), then what the judges
    // compare against, read while the agents are
    const client = (0,direct_exec/* execFunction */.gX)(kubectl);
    client.catch(() => undefined);
    const meshNodes = wanted.includes('wireguard-peers') ? listMeshNodes(kubectl) : undefined;
    const changed = wanted.includes('config-delta') ? configChangedAt(kubectl, ctx.config.namespace) : undefined;
    meshNodes?.catch(() => undefined);
    changed?.catch(() => undefined);
    const namespace = ctx.config.namespace;
    const opts = { perExecTimeoutMs: (0,steps_agents/* perExecTimeoutMs */._O)(ctx, deadline) };
    // each agent is judged as soon as it is read: a fleet's agents print n² entries in all, not held at once
    const health = healthJudge(nodes.map((n) => n.name));
    const peers = meshNodes?.then(peersJudge);
    peers?.catch(() => undefined);
    const delta = [];
    let exec;
    const judgeAgent = {
        health: async (a, i) => {
            const r = await (0,agent_exec/* readAgent */.s)(exec, namespace, a, READS.health, opts);
            health.add(r.error === undefined ? { node: r.node, ...r.value } : r, i);
        },
        'wireguard-peers': async (a, i) => {
            const r = await (0,agent_exec/* readAgent */.s)(exec, namespace, a, READS['wireguard-peers'], opts);
            // the time the handshakes are judged at: when this agent was read
            const now = Date.now();
            // without the CiliumNodes the check fails as a whole, below
            const judge = await peers.catch(() => undefined);
            judge?.add(r.error === undefined ? { node: r.node, debug: r.value } : r, i, now);
        },
        'config-delta': async (a, i) => {
            const r = await (0,agent_exec/* readAgent */.s)(exec, namespace, a, READS['config-delta'], opts);
            const d = { node: r.node };
            const started = Date.parse(a.startedAt ?? '');
            if (Number.isFinite(started))
                d.startedAtMs = started;
            if (r.error !== undefined)
                d.error = r.error;
            else if (r.value.delta !== undefined)
                d.delta = r.value.delta;
            delta[i] = d;
        },
    };
    try {
        exec = await client;
        // one pool over the reads, an agent's reads next to each other: as many in flight as
        // AGENT_CONCURRENCY agents' reads side by side, and a slot goes on to the next read as soon as
        // its own is judged instead of waiting for the agent's slowest
        const reads = agents.flatMap((a, i) => wanted.map((c) => ({ a, i, c })));
        exec.expect?.(reads.length);
        await (0,pool/* mapPool */.P)(reads, steps_agents/* AGENT_CONCURRENCY */.qT * wanted.length, (r) => judgeAgent[r.c](r.a, r.i));
    }
    catch (e) {
        return wanted.map((c) => failed(c, e));
    }
    const result = {
        health: async () => health.result(),
        'wireguard-peers': async () => (await peers).result(),
        'config-delta': async () => judgeDelta(delta, await changed),
    };
    return Promise.all(wanted.map((c) => result[c]().catch((e) => failed(c, e))));
}


/***/ }),

/***/ 3105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dS: () => (/* reexport */ EXPECTED),
  td: () => (/* reexport */ expectation/* configExpectation */.t),
  ep: () => (/* reexport */ judgeAgents),
  Fv: () => (/* reexport */ parseAgentStatus)
});

// UNUSED EXPORTS: parseStatusJson

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/verify/status/draft.ts
/** What the agent depends on, by the name both forms print (JSON: kvstore, container-runtime, …). */
const DEPENDENCIES = ['KVStore', 'ContainerRuntime', 'Kubernetes', 'Cilium health daemon'];
const UNHEALTHY = new Set(['warning', 'failure']);
const ENCRYPTION_MODES = new Map([
    ['wireguard', 'wireguard'],
    ['ipsec', 'ipsec'],
    ['disabled', 'none'],
]);
class StatusDraft {
    status;
    constructor(format) {
        this.status = { format, routing: 'unknown', encryption: 'unknown', wireguardInterfaces: [], healthy: true, problems: [] };
    }
    /** Something wrong with the agent or what it depends on. */
    unhealthy(problem) {
        this.status.healthy = false;
        this.status.problems.push(problem);
    }
    /** Something the status does not say (or says in words not understood): health is left as it is. */
    missing(problem) {
        this.status.problems.push(problem);
    }
    /** `state` is the dependency's first word; `shown` is what the problem quotes after its name. */
    dependency(name, state, shown) {
        if (state && UNHEALTHY.has(state.toLowerCase()))
            this.unhealthy(`${name}: ${shown}`.trim());
    }
    controllers(failing, total) {
        if (failing > 0)
            this.unhealthy(`${failing} of ${total} controllers failing`);
    }
    stale(probes) {
        this.unhealthy(`stale status probes: ${probes}`);
    }
    /** Native or Tunnel (any case); false, and nothing set, for anything else. */
    routing(mode, tunnelProtocol) {
        const m = mode?.toLowerCase();
        if (m !== 'native' && m !== 'tunnel')
            return false;
        this.status.routing = m;
        if (m === 'tunnel' && tunnelProtocol)
            this.status.tunnelProtocol = tunnelProtocol;
        return true;
    }
    /** Wireguard, IPsec or Disabled (any case); an unrecognised mode is recorded as a problem. */
    encryption(mode) {
        this.status.encryption = ENCRYPTION_MODES.get(mode.toLowerCase()) ?? 'unknown';
        if (this.status.encryption === 'unknown')
            this.missing(`unrecognised encryption mode "${mode}"`);
        return this.status.encryption;
    }
    /** WireGuard's NodeEncryption: Enabled, Disabled or OptedOut (any case); anything else says nothing. */
    nodeEncryption(value) {
        const v = value?.toLowerCase();
        if (v === 'enabled' || v === 'disabled')
            this.status.nodeEncryption = v === 'enabled';
        else if (v === 'optedout')
            this.status.nodeEncryptionOptedOut = true;
    }
    /** The WireGuard interfaces and their smallest peer count. */
    wireguard(ifaces) {
        this.status.wireguardInterfaces = ifaces;
        if (ifaces.length > 0)
            this.status.wireguardPeers = Math.min(...ifaces.map((i) => i.peers));
    }
    /** With an error the agent reports its message instead of the interface list. */
    noWireguardInterface(message) {
        this.missing(`WireGuard reports no interface${message ? `: ${message}` : ''}`);
    }
}

;// CONCATENATED MODULE: ./src/verify/status/parse-json.ts
// `cilium-dbg status -o json`: the agent's StatusResponse model (api/v1/models).
//   routing["inter-host-routing-mode"] Native|Tunnel, routing["tunnel-protocol"], encryption.mode
//   Disabled|IPsec|Wireguard, encryption.wireguard["node-encryption"], …interfaces[]["peer-count"]

const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v) => (typeof v === 'string' ? v : undefined);
const VERSION = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)(?:\s|$)/;
/** Parses the JSON text (or an already parsed value); throws when it is not a status object. */
function parseStatusJson(input) {
    const value = typeof input === 'string' ? JSON.parse(input) : input;
    if (!isObj(value))
        throw new Error('cilium status JSON is not an object');
    const d = new StatusDraft('json');
    health(value, d);
    routing(value, d);
    encryption(value, d);
    return d.status;
}
/** The agent itself, then what it depends on, its controllers and its status probes. */
function health(value, d) {
    const cilium = isObj(value.cilium) ? value.cilium : undefined;
    if (!cilium) {
        d.unhealthy('no "cilium" state: the output is not a complete agent status');
    }
    else {
        const version = VERSION.exec(str(cilium.msg) ?? '');
        if (version)
            d.status.version = version[1];
        if (str(cilium.state)?.toLowerCase() !== 'ok')
            d.unhealthy(`Cilium: ${str(cilium.state) ?? '?'} ${str(cilium.msg) ?? ''}`.trim());
    }
    const deps = {
        KVStore: value.kvstore,
        ContainerRuntime: value['container-runtime'],
        Kubernetes: value.kubernetes,
        'Cilium health daemon': isObj(value.cluster) ? value.cluster.ciliumHealth : undefined,
    };
    for (const name of DEPENDENCIES) {
        const dep = deps[name];
        if (isObj(dep))
            d.dependency(name, str(dep.state), `${str(dep.state)} ${str(dep.msg) ?? ''}`);
    }
    if (Array.isArray(value.controllers)) {
        const failing = value.controllers.filter((c) => isObj(c) &&
            isObj(c.status) &&
            typeof c.status['consecutive-failure-count'] === 'number' &&
            c.status['consecutive-failure-count'] > 0).length;
        d.controllers(failing, value.controllers.length);
    }
    if (isObj(value.stale) && Object.keys(value.stale).length > 0)
        d.stale(Object.keys(value.stale).sort().join(', '));
}
function routing(value, d) {
    const routing = isObj(value.routing) ? value.routing : undefined;
    if (!routing) {
        d.missing('the status does not report the inter-host routing mode (no "routing": Cilium before 1.16)');
        return;
    }
    const mode = str(routing['inter-host-routing-mode']);
    if (!d.routing(mode, str(routing['tunnel-protocol'])))
        d.missing(`unrecognised inter-host routing mode "${mode ?? ''}"`);
    const host = str(routing['intra-host-routing-mode']);
    if (host)
        d.status.hostRouting = host;
}
function encryption(value, d) {
    const enc = isObj(value.encryption) ? value.encryption : undefined;
    if (!enc) {
        d.missing('no "encryption" in the status');
        return;
    }
    if (d.encryption(str(enc.mode) ?? '') !== 'wireguard')
        return;
    const wg = isObj(enc.wireguard) ? enc.wireguard : undefined;
    d.nodeEncryption(str(wg?.['node-encryption']));
    const ifaces = [];
    for (const i of Array.isArray(wg?.interfaces) ? wg.interfaces : []) {
        if (!isObj(i))
            continue;
        const iface = { name: str(i.name) ?? '?', peers: typeof i['peer-count'] === 'number' ? i['peer-count'] : 0 };
        if (typeof i['listen-port'] === 'number')
            iface.port = i['listen-port'];
        ifaces.push(iface);
    }
    d.wireguard(ifaces);
    if (ifaces.length === 0)
        d.noWireguardInterface(str(enc.msg));
}

;// CONCATENATED MODULE: ./src/verify/status/parse-text.ts
// `cilium-dbg status` (older images: `cilium status`) as text. The agent prints `Key:<tab>value` lines
// through a tabwriter (pkg/client FormatStatusResponse), indented detail lines under some of them.
// From 1.16:  Routing:      Network: Native   Host: BPF      (or `Network: Tunnel [vxlan]`)
// Before:     Host Routing: BPF                               (intra-host only: no inter-host mode)
//             Encryption:   Wireguard   [NodeEncryption: Enabled, cilium_wg0 (Pubkey: …, Port: 51871, Peers: 2)]

const parse_text_VERSION = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)$/;
function parseStatusText(text) {
    const fields = topLevelFields(text);
    const d = new StatusDraft('text');
    parse_text_health(fields, d);
    parse_text_routing(fields, d);
    const enc = fields.get('Encryption');
    if (enc === undefined)
        d.missing('no "Encryption:" line');
    else
        parse_text_encryption(enc, d);
    return d.status;
}
/** The agent itself, then what it depends on, its controllers, the cluster's health and the status probes. */
function parse_text_health(fields, d) {
    const cilium = fields.get('Cilium');
    if (cilium === undefined) {
        d.unhealthy('no "Cilium:" line: the output is not a complete agent status');
    }
    else {
        const [state = '', ...rest] = cilium.split(/\s+/);
        const version = parse_text_VERSION.exec(rest[0] ?? '');
        if (version)
            d.status.version = version[1];
        if (state.toLowerCase() !== 'ok')
            d.unhealthy(`Cilium: ${cilium}`);
    }
    for (const key of DEPENDENCIES) {
        const v = fields.get(key);
        d.dependency(key, v?.split(/\s+/)[0], v ?? '');
    }
    const controllers = /^(\d+)\/(\d+) healthy/.exec(fields.get('Controller Status') ?? '');
    if (controllers)
        d.controllers(Number(controllers[2]) - Number(controllers[1]), controllers[2]);
    const health = /^(\d+)\/(\d+) reachable/.exec(fields.get('Cluster health') ?? '');
    if (health) {
        d.status.clusterHealth = { reachable: Number(health[1]), total: Number(health[2]) };
        if (d.status.clusterHealth.reachable < d.status.clusterHealth.total) {
            d.unhealthy(`cluster health: ${health[1]} of ${health[2]} nodes reachable`);
        }
    }
    const stale = fields.get('Stale status');
    if (stale)
        d.stale(stale);
}
function parse_text_routing(fields, d) {
    const routing = fields.get('Routing');
    const hostRouting = fields.get('Host Routing');
    if (routing !== undefined) {
        const net = /Network:\s*(Native|Tunnel)(?:\s*\[([^\]]*)\])?/i.exec(routing);
        const host = /Host:\s*(\S+)/.exec(routing);
        if (host)
            d.status.hostRouting = host[1];
        if (!d.routing(net?.[1], net?.[2]?.trim()))
            d.missing(`unrecognised routing line: "Routing: ${routing}"`);
    }
    else if (hostRouting !== undefined) {
        d.status.hostRouting = hostRouting.split(/\s+/)[0];
        d.missing('the status does not report the inter-host routing mode (Cilium before 1.16 prints only "Host Routing")');
    }
    else {
        d.missing('no "Routing:" line');
    }
}
function parse_text_encryption(value, d) {
    const mode = value.split(/\s+/)[0] ?? '';
    const detail = value.slice(mode.length).trim();
    if (d.encryption(mode) !== 'wireguard')
        return;
    const node = /NodeEncryption:\s*(Enabled|Disabled|OptedOut)/i.exec(detail);
    d.nodeEncryption(node?.[1]);
    const ifaces = [];
    for (const m of detail.matchAll(/([\w.-]+) \(Pubkey: [^,()]*, Port: (\d+), Peers: (\d+)\)/g)) {
        ifaces.push({ name: m[1], port: Number(m[2]), peers: Number(m[3]) });
    }
    d.wireguard(ifaces);
    // with an error the agent prints its message instead of the interface list
    if (!node && ifaces.length === 0)
        d.noWireguardInterface(detail);
}
/**
 * `Key: value` lines that start in column 0, value with its column padding squeezed. Indented
 * detail lines, tables and the module-health tree are skipped. The first occurrence of a key wins.
 */
function topLevelFields(text) {
    const out = new Map();
    for (const raw of text.split('\n')) {
        const line = raw.replace(/\r$/, '');
        const m = /^([A-Za-z][A-Za-z0-9 /-]*?):(?:\s+(.*))?$/.exec(line);
        if (!m)
            continue;
        const key = m[1];
        if (!out.has(key))
            out.set(key, (m[2] ?? '').trim().replace(/\s{2,}/g, '   '));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/verify/status/parse.ts




/** Either form of `cilium-dbg status` output: JSON when it starts with `{` or `[`, text otherwise. */
function parseAgentStatus(output) {
    const trimmed = output.replace(/^\uFEFF/, '').trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        try {
            return parseStatusJson(trimmed);
        }
        catch (e) {
            const d = new StatusDraft('json');
            d.unhealthy(`the status JSON could not be read: ${(0,errors/* errorMessage */.gJ)(e)}`);
            return d.status;
        }
    }
    return parseStatusText(output);
}

;// CONCATENATED MODULE: ./src/verify/status/judge.ts
/** What this action promises: native routing, WireGuard, node encryption. */
const EXPECTED = { routing: 'native', encryption: 'wireguard', nodeEncryption: true };
function judgeAgents(results, nodeCount, expect = EXPECTED) {
    const expectedPeers = Math.max(0, nodeCount - 1);
    const rows = results.map((r) => judgeOne(r, expectedPeers, expect)).sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
    const clusterProblems = [];
    if (results.length === 0)
        clusterProblems.push('no Cilium agent was found');
    else if (results.length < nodeCount)
        clusterProblems.push(`${nodeCount} nodes but only ${results.length} Cilium agents`);
    else if (results.length > nodeCount)
        clusterProblems.push(`${results.length} Cilium agents for ${nodeCount} nodes`);
    const perNode = new Map();
    for (const r of results)
        perNode.set(r.node, (perNode.get(r.node) ?? 0) + 1);
    for (const [node, n] of perNode)
        if (n > 1)
            clusterProblems.push(`${n} agents on node ${node}`);
    const failing = rows.filter((r) => !r.ok);
    const ok = clusterProblems.length === 0 && failing.length === 0;
    return {
        rows,
        routingMode: aggregate(rows.map((r) => r.routing)),
        encryption: aggregate(rows.map((r) => r.encryption)),
        ok,
        clusterProblems,
        reason: ok ? passReason(rows.length, expectedPeers, expect) : failReason(rows.length, failing, clusterProblems),
    };
}
function judgeOne(r, expectedPeers, expect) {
    const s = r.status;
    if (!s) {
        return {
            node: r.node,
            pod: r.pod,
            routing: 'unknown',
            encryption: 'unknown',
            expectedPeers,
            healthy: false,
            ok: false,
            problems: [`status could not be read: ${r.error ?? 'no output'}`],
        };
    }
    const problems = [...s.problems];
    if (s.routing !== 'unknown' && s.routing !== expect.routing) {
        problems.push(`routing is ${s.routing}${s.tunnelProtocol ? ` (${s.tunnelProtocol})` : ''}, expected ${expect.routing}`);
    }
    if (s.encryption !== 'unknown' && s.encryption !== expect.encryption) {
        problems.push(`encryption is ${s.encryption}, expected ${expect.encryption}`);
    }
    if (s.encryption === 'wireguard' && expect.encryption === 'wireguard') {
        if (expect.nodeEncryption && s.nodeEncryptionOptedOut) {
            if (!r.optsOut)
                problems.push('node encryption is OptedOut, but the node carries no opt-out label (node-role.kubernetes.io/control-plane)');
        }
        else if (expect.nodeEncryption && s.nodeEncryption !== true) {
            problems.push(s.nodeEncryption === false ? 'node encryption is disabled' : 'node encryption is not reported');
        }
        for (const i of s.wireguardInterfaces) {
            if (i.peers !== expectedPeers)
                problems.push(`${i.name} has ${i.peers} WireGuard peers, expected ${expectedPeers} (one per other node)`);
        }
    }
    const row = {
        node: r.node,
        pod: r.pod,
        routing: s.routing,
        encryption: s.encryption,
        expectedPeers,
        healthy: s.healthy,
        ok: problems.length === 0,
        problems,
    };
    if (s.version)
        row.version = s.version;
    if (s.tunnelProtocol)
        row.tunnelProtocol = s.tunnelProtocol;
    if (s.nodeEncryption !== undefined)
        row.nodeEncryption = s.nodeEncryption;
    if (s.nodeEncryptionOptedOut)
        row.nodeEncryptionOptedOut = true;
    if (s.wireguardPeers !== undefined)
        row.peers = s.wireguardPeers;
    return row;
}
function aggregate(values) {
    const known = new Set(values.filter((v) => v !== 'unknown'));
    if (known.size > 1)
        return 'mixed';
    if (known.size === 0 || values.includes('unknown'))
        return 'unknown';
    return [...known][0];
}
function passReason(agents, peers, expect) {
    const enc = expect.encryption === 'wireguard'
        ? `WireGuard${expect.nodeEncryption ? ' with node encryption' : ''}, ${peers} ${peers === 1 ? 'peer' : 'peers'} each`
        : expect.encryption === 'ipsec'
            ? 'IPsec'
            : 'no encryption';
    return `all ${agents} agents report ${expect.routing} routing and ${enc}`;
}
function failReason(agents, failing, cluster) {
    const parts = [...cluster];
    if (failing.length > 0) {
        const shown = failing.slice(0, 3).map((r) => `${r.node}: ${r.problems.join('; ')}`);
        if (failing.length > 3)
            shown.push(`and ${failing.length - 3} more`);
        parts.push(`${failing.length} of ${agents} agents fail (${shown.join(' | ')})`);
    }
    return parts.join('; ');
}

// EXTERNAL MODULE: ./src/verify/status/expectation.ts
var expectation = __webpack_require__(7610);
;// CONCATENATED MODULE: ./src/verify/status/index.ts






/***/ })

};

//# sourceMappingURL=4.index.js.map