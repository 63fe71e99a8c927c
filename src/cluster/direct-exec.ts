// `kubectl exec` without a kubectl process: the API server's exec endpoint over a WebSocket
// (v5.channel.k8s.io), with the credentials of the current kubeconfig context. For the agents
// check on large fleets, where one process per agent costs more than the exec itself (see
// BENCHMARKS.md). Anything it does not handle (auth providers, proxies) falls back to kubectl.
import { readFileSync } from 'node:fs';
import { runProcess, type RunResult } from '../process/run.js';
import { connectTo, openExecSocket, type ExecSocketTarget } from './exec-socket.js';
import { warmSockets, type WarmSockets } from './warm-sockets.js';
import type { Kubectl } from './kubectl.js';

export interface ExecFn {
  (namespace: string, pod: string, container: string | undefined, command: string[], opts: { timeoutMs: number }): Promise<RunResult>;
  /** n more execs follow: a client that can prepare for them does (see warm-sockets.ts) */
  expect?(n: number): void;
}

interface Credentials {
  server: string;
  headers: Record<string, string>;
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  insecure: boolean;
  servername?: string;
  /** when the exec plugin's token expires (epoch ms), if it said */
  expiresAt?: number;
}

type Obj = Record<string, unknown>;
const b64 = (s: unknown): Buffer | undefined => (typeof s === 'string' && s ? Buffer.from(s, 'base64') : undefined);

/** Credentials from `kubectl config view --raw --minify --flatten`, or undefined when only kubectl can handle them. */
export async function resolveCredentials(kubectl: Kubectl, env: NodeJS.ProcessEnv): Promise<Credentials | undefined> {
  if (env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy) return undefined;
  const r = await kubectl.exec(['config', 'view', '--raw', '--minify', '--flatten', '--output', 'json'], { quiet: true });
  if (r.code !== 0) return undefined;
  const cfg = JSON.parse(r.stdout) as { clusters?: Array<{ cluster: Obj }>; users?: Array<{ user: Obj }> };
  const cluster = cfg.clusters?.[0]?.cluster;
  const user = cfg.users?.[0]?.user ?? {};
  if (!cluster || typeof cluster.server !== 'string' || cluster['proxy-url'] || user['auth-provider']) return undefined;
  const creds: Credentials = {
    server: cluster.server.replace(/\/+$/, ''),
    headers: {},
    ca: b64(cluster['certificate-authority-data']),
    insecure: cluster['insecure-skip-tls-verify'] === true,
    servername: typeof cluster['tls-server-name'] === 'string' ? cluster['tls-server-name'] : undefined,
    cert: b64(user['client-certificate-data']),
    key: b64(user['client-key-data']),
  };
  let token = typeof user.token === 'string' ? user.token : undefined;
  if (!token && typeof user.tokenFile === 'string') token = readFileSync(user.tokenFile, 'utf8').trim();
  if (!token && user.exec) {
    const fromPlugin = await execPlugin(user.exec as Obj, env);
    if (!fromPlugin) return undefined;
    token = fromPlugin.token;
    creds.cert ??= fromPlugin.cert;
    creds.key ??= fromPlugin.key;
    creds.expiresAt = fromPlugin.expiresAt;
  }
  // the header is written into the upgrade request as is: a token with a line break is kubectl's to refuse
  if (token && /[\r\n]/.test(token)) return undefined;
  if (token) creds.headers.Authorization = `Bearer ${token}`;
  else if (typeof user.username === 'string' && typeof user.password === 'string') {
    creds.headers.Authorization = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
  }
  return creds;
}

/** A client-go exec credential plugin (e.g. kubelogin on AKS), run once. */
async function execPlugin(
  exec: Obj,
  env: NodeJS.ProcessEnv,
): Promise<{ token?: string; cert?: Buffer; key?: Buffer; expiresAt?: number } | undefined> {
  if (typeof exec.command !== 'string') return undefined;
  const extra = Array.isArray(exec.env)
    ? Object.fromEntries((exec.env as Array<{ name: string; value: string }>).map((e) => [e.name, e.value]))
    : {};
  const info = { apiVersion: exec.apiVersion ?? 'client.authentication.k8s.io/v1', kind: 'ExecCredential', spec: { interactive: false } };
  const r = await runProcess(exec.command, Array.isArray(exec.args) ? (exec.args as string[]) : [], {
    env: { ...env, ...extra, KUBERNETES_EXEC_INFO: JSON.stringify(info) },
    timeoutMs: 60_000,
    quiet: true,
  });
  if (r.code !== 0) return undefined;
  const status = (JSON.parse(r.stdout) as { status?: Obj }).status ?? {};
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
export function execStatus(status: string): { code: number; message?: string } {
  try {
    const s = JSON.parse(status) as {
      status?: string;
      reason?: string;
      message?: string;
      details?: { causes?: Array<{ reason?: string; message?: string }> };
    };
    if (s.status === 'Success') return { code: 0 };
    const cause = s.details?.causes?.find((c) => c.reason === 'ExitCode');
    if (s.reason === 'NonZeroExitCode' && cause?.message && /^\d+$/.test(cause.message)) return { code: Number(cause.message) };
    return { code: 1, message: s.message };
  } catch {
    return { code: 1, message: status };
  }
}

export function directExec(creds: Credentials): ExecFn {
  // what every exec shares, worked out once: a fleet's checks open thousands of exec streams
  const target = socketTarget(creds);
  const base = new URL(creds.server).pathname.replace(/\/+$/, '');
  const query = commandQueries();
  const sockets = warmSockets(() => connectTo(target));
  const exec: ExecFn = (namespace, pod, container, command, opts) =>
    execOver(
      target,
      sockets,
      `${base}/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/exec?${query(command, container)}`,
      opts.timeoutMs,
    );
  exec.expect = (n) => sockets.expect(n);
  return exec;
}

function socketTarget(creds: Credentials): ExecSocketTarget {
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
function commandQueries(): (command: readonly string[], container: string | undefined) => string {
  const queries = new Map<string, string>();
  return (command, container) => {
    const id = JSON.stringify([command, container]);
    let q = queries.get(id);
    if (q === undefined) {
      const p = new URLSearchParams();
      for (const c of command) p.append('command', c);
      if (container) p.set('container', container);
      p.set('stdout', 'true');
      p.set('stderr', 'true');
      if (queries.size >= 64) queries.clear();
      queries.set(id, (q = p.toString()));
    }
    return q;
  };
}

const text = (chunks: Buffer[]): string => (chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));

/** One exec stream: stdout and stderr collected, the exit code from the status channel. */
function execOver(target: ExecSocketTarget, sockets: WarmSockets, path: string, timeoutMs: number): Promise<RunResult> {
  return new Promise<RunResult>((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let status = '';
    let done = false;
    const finish = (r: Partial<RunResult>): void => {
      if (done) return;
      done = true;
      sockets.release();
      clearTimeout(timer);
      resolve({ code: 1, stdout: text(out), stderr: text(err), timedOut: false, ...r });
    };
    const settle = (): void => {
      if (done) return;
      const st = status ? execStatus(status) : { code: 1, message: 'the exec stream closed without a status' };
      if (st.message) err.push(Buffer.from(`${st.message}\n`));
      finish({ code: st.code });
    };
    const close = openExecSocket(target, sockets.take(), path, ['v5.channel.k8s.io', 'v4.channel.k8s.io'], {
      message: (data) => {
        const channel = data[0];
        const body = data.subarray(1);
        if (channel === 1) out.push(body);
        else if (channel === 2) err.push(body);
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
export async function execFunction(kubectl: Kubectl): Promise<ExecFn> {
  const viaKubectl: ExecFn = (ns, pod, container, command, opts) =>
    kubectl.execIn(ns, pod, container, command, { timeoutMs: opts.timeoutMs, quiet: true });
  const creds = await credentialsOf(kubectl);
  return creds ? directExec(creds) : viaKubectl;
}

// The credentials of a kubeconfig are read once and reused while they hold: the agents check, the
// per-pair checks and every gate of a staged run would otherwise each run `kubectl config view` and
// the exec plugin (kubelogin: seconds). Reused for at most REUSE_MS, and never within
// EXPIRY_MARGIN_MS of the expiry the plugin gave.
const REUSE_MS = 5 * 60_000;
const EXPIRY_MARGIN_MS = 60_000;
const remembered = new WeakMap<Kubectl, { creds: Promise<Credentials | undefined>; until: number }>();

async function credentialsOf(kubectl: Kubectl): Promise<Credentials | undefined> {
  const now = Date.now();
  const known = remembered.get(kubectl);
  if (known && now < known.until) return known.creds;
  const entry = { creds: resolveCredentials(kubectl, kubectl.env).catch(() => undefined), until: now + REUSE_MS };
  remembered.set(kubectl, entry);
  const creds = await entry.creds;
  if (creds?.expiresAt !== undefined) entry.until = Math.min(entry.until, creds.expiresAt - EXPIRY_MARGIN_MS);
  return creds;
}
