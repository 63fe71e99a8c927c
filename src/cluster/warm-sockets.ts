// Connections opened ahead of the execs that will use them. Each exec is one WebSocket, and an
// upgraded connection cannot carry a second one, so a fleet's checks connect thousands of times; the
// connect (and TLS handshake) of the next exec would sit between one exec's end and the next one's
// request. When the caller says how many execs follow, up to that many connections (and no more than
// are in flight, the pace at which they are used) are opened while the current ones wait for their
// answers. None is opened for an exec that will not come: a spare that is not used within
// SPARE_IDLE_MS (a run that stopped early) is closed, and never keeps the process alive.
import type { Socket } from 'node:net';

/** A connection for one exec: `ready` once it is connected (and its TLS handshake done). */
export interface Conn {
  socket: Socket;
  ready: boolean;
}

const SPARE_IDLE_MS = 5_000;

export interface WarmSockets {
  /** A connection for one exec: a spare opened ahead when there is one, else a new one. */
  take(): Conn;
  /** The exec on a taken connection is over. */
  release(): void;
  /** n more execs follow (as far as the caller knows): connections may be opened ahead for them. */
  expect(n: number): void;
}

/** `connect` opens a connection and names the event that says it is ready (connect or secureConnect). */
export function warmSockets(connect: () => { socket: Socket; readyEvent: string }, idleMs = SPARE_IDLE_MS): WarmSockets {
  const spares: Conn[] = [];
  let inFlight = 0;
  let ahead = 0;
  const open = (): Conn => {
    const { socket, readyEvent } = connect();
    const conn: Conn = { socket, ready: false };
    socket.once(readyEvent, () => (conn.ready = true));
    return conn;
  };
  const spare = (): void => {
    const conn = open();
    // a spare's failure shows when it is taken (it is then passed over); until then it is only noted
    conn.socket.on('error', () => undefined);
    conn.socket.unref();
    conn.socket.setTimeout(idleMs, () => conn.socket.destroy());
    spares.push(conn);
  };
  const usable = (c: Conn): boolean => !c.socket.destroyed && !c.socket.readableEnded;
  return {
    take() {
      let conn: Conn | undefined;
      while ((conn = spares.shift()) && !usable(conn)) conn.socket.destroy();
      if (conn) {
        conn.socket.setTimeout(0);
        conn.socket.ref();
        conn.socket.removeAllListeners('error');
      } else conn = open();
      inFlight++;
      if (ahead > 0) ahead--;
      // the connections the next execs take: as many as follow, at most one per exec in flight
      while (spares.length < Math.min(inFlight, ahead)) spare();
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
