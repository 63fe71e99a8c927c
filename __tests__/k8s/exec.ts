// `kubectl exec` over WebSocket (subprotocol v5.channel.k8s.io, or v4): every binary message starts
// with a channel byte — 0 stdin, 1 stdout, 2 stderr, 3 the final Status JSON, 4 resize, 255 close
// (v5 only). The Status is Success, or Failure with reason NonZeroExitCode and the exit code as a cause.
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiServer, UpgradeContext } from './server.js';
import type { Obj, Recorded } from './types.js';

export interface ExecRequest {
  pod: Obj;
  container: string;
  command: string[];
  stdin: boolean;
  tty: boolean;
  record: Recorded;
  /** aborted when the client goes away or the server stops */
  signal: AbortSignal;
}

export type ExecResult =
  | { stdout: string; stderr: string; code: number }
  /** the runtime could not run the command at all (e.g. not found): a Failure Status without an exit code */
  | { failure: string }
  /** never answer (the exec-hangs fault) */
  | 'hang';

export type ExecHandler = (req: ExecRequest) => Promise<ExecResult>;

const SUBPROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

function httpError(ctx: UpgradeContext, code: number, reason: string, message: string): void {
  const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code });
  const text = { 400: 'Bad Request', 404: 'Not Found', 500: 'Internal Server Error' }[code] ?? 'Error';
  ctx.record.status = code;
  ctx.socket.end(`HTTP/1.1 ${code} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

function successStatus(): Obj {
  return { metadata: {}, status: 'Success' };
}

function exitStatus(command: string[], code: number): Obj {
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

function failureStatus(message: string): Obj {
  return {
    metadata: {},
    status: 'Failure',
    message: `Internal error occurred: ${message}`,
    reason: 'InternalError',
    details: { causes: [{ message }] },
    code: 500,
  };
}

/** Serves pods/exec upgrades on the API server with the given command handler. */
export function attachExec(api: ApiServer, handler: ExecHandler): void {
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => SUBPROTOCOLS.find((p) => offered.has(p)) ?? false,
  });
  api.onExecUpgrade = (ctx) => {
    const { path, query, record } = ctx;
    const pod = api.store.get(path.rt, path.namespace, path.name ?? '');
    if (!pod) return httpError(ctx, 404, 'NotFound', `pods "${path.name}" not found`);
    const containers = ((pod.spec?.containers ?? []) as Obj[]).map((c) => c.name as string);
    const container = query.get('container') ?? containers[0] ?? '';
    record.container = container;
    record.node = pod.spec?.nodeName;
    if (!containers.includes(container))
      return httpError(ctx, 400, 'BadRequest', `container ${container} is not valid for pod ${pod.metadata.name}`);
    const command = query.getAll('command');
    if (command.length === 0) return httpError(ctx, 400, 'BadRequest', 'you must specify at least 1 command');
    const offered = String(ctx.req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((s) => s.trim());
    if (!SUBPROTOCOLS.some((p) => offered.includes(p)))
      return httpError(ctx, 400, 'BadRequest', `this test server speaks only ${SUBPROTOCOLS.join(', ')}; offered: ${offered.join(', ')}`);
    wss.handleUpgrade(ctx.req, ctx.socket, ctx.head, (ws) => {
      record.status = 101;
      void serve(ws, { pod, container, command, stdin: query.get('stdin') === 'true', tty: query.get('tty') === 'true', record });
    });
  };

  async function serve(ws: WebSocket, req: Omit<ExecRequest, 'signal'>): Promise<void> {
    const ac = new AbortController();
    const stop = api.onClose(() => {
      ac.abort();
      ws.terminate();
    });
    ws.on('close', () => {
      ac.abort();
      stop();
    });
    ws.on('error', () => ac.abort());
    const send = (channel: number, data: string | Buffer): void => {
      if (ws.readyState === ws.OPEN) ws.send(Buffer.concat([Buffer.from([channel]), Buffer.isBuffer(data) ? data : Buffer.from(data)]));
    };
    let result: ExecResult;
    try {
      result = await handler({ ...req, signal: ac.signal });
    } catch (e) {
      result = { failure: (e as Error).message };
    }
    if (result === 'hang' || ac.signal.aborted) return;
    if ('failure' in result) {
      send(3, JSON.stringify(failureStatus(result.failure)));
    } else {
      if (result.stdout) send(1, result.stdout);
      if (result.stderr) send(2, result.stderr);
      req.record.exitCode = result.code;
      send(3, JSON.stringify(result.code === 0 ? successStatus() : exitStatus(req.command, result.code)));
    }
    ws.close(1000);
  }
}
