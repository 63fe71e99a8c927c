// Connections opened ahead of the execs that use them, against a real TCP server: as many as the
// caller says will follow and no more, none without a word from the caller, a spare that died or
// was never used closed, and a taken spare that is already connected.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { warmSockets, type Conn } from '../../src/cluster/warm-sockets.js';

const open: Array<{ close(): void }> = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));

/** A server that counts connections and can hang up on the n-th; `sockets` are the accepted ones. */
async function server(hangUpOn?: number): Promise<{ port: number; accepted: () => number; sockets: net.Socket[]; closed: Set<number> }> {
  const sockets: net.Socket[] = [];
  const closed = new Set<number>();
  const srv = net.createServer((s) => {
    s.on('error', () => undefined);
    const n = sockets.push(s);
    s.on('close', () => closed.add(n));
    s.resume();
    if (sockets.length === hangUpOn) s.destroy();
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  open.push({ close: () => (sockets.forEach((s) => s.destroy()), srv.close()) });
  return { port: (srv.address() as net.AddressInfo).port, accepted: () => sockets.length, sockets, closed };
}

const connector = (port: number) => () => ({ socket: net.connect({ host: '127.0.0.1', port }), readyEvent: 'connect' });
const settle = (ms = 50) => new Promise((r) => setTimeout(r, ms));
const until = async (what: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !what(); i++) await settle(10);
};

describe('warm sockets', () => {
  it('opens no connection ahead unless told that execs follow', async () => {
    const s = await server();
    const w = warmSockets(connector(s.port));
    const c = w.take();
    await settle();
    expect(s.accepted()).toBe(1);
    c.socket.destroy();
    w.release();
  });

  it('opens connections ahead for the execs that follow, at most one per exec in flight, and never one too many', async () => {
    const s = await server();
    const w = warmSockets(connector(s.port));
    const execs = 20;
    w.expect(execs);
    let maxInFlight = 0;
    let inFlight = 0;
    let readyWhenTaken = 0;
    // 4 at a time, each held for 20 ms: the pace of a pool of 4
    const runOne = async (): Promise<void> => {
      const c: Conn = w.take();
      if (c.ready) readyWhenTaken++;
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await settle(20);
      c.socket.destroy();
      inFlight--;
      w.release();
    };
    let left = execs;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (left-- > 0) await runOne();
      }),
    );
    await settle();
    expect(maxInFlight).toBe(4);
    // every connection the server saw was used by an exec
    expect(s.accepted()).toBe(execs);
    // after the first round, the execs found their connection already open
    expect(readyWhenTaken).toBeGreaterThanOrEqual(execs - 8);
  });

  it('passes over a spare the server hung up on, and closes a spare nobody takes', async () => {
    // the second connection (the first spare) is hung up on by the server
    const s = await server(2);
    const w = warmSockets(connector(s.port), 200);
    w.expect(3);
    const first = w.take();
    await until(() => s.accepted() === 2);
    await settle();
    const second = w.take();
    await new Promise<void>((r) => (second.ready ? r() : second.socket.once('connect', () => r())));
    // a new connection (the third), not the dead spare; taking it opened a spare (the fourth) for the third exec
    expect(second.socket.destroyed).toBe(false);
    await until(() => s.accepted() === 4);
    expect(s.accepted()).toBe(4);
    first.socket.destroy();
    second.socket.destroy();
    w.release();
    w.release();
    // the third exec never comes: its spare is closed once idle, and only it
    await until(() => s.closed.size === 4);
    expect([...s.closed].sort()).toEqual([1, 2, 3, 4]);
  });
});
