import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** One client connection through the proxy, with every byte seen each way (latin1: one character per byte). */
export interface ProxiedConnection {
  index: number;
  /** Bytes the client sent (request heads and bodies). */
  request: string;
  /** Bytes the server sent back so far. */
  response: string;
  /** Whether the proxy dropped this connection on purpose. */
  cut: boolean;
}

/**
 * Where to drop a connection: the number of response bytes to let through before both sockets are destroyed, or
 * undefined to keep relaying. Asked again every time the server sends more.
 */
export type CutRule = (connection: ProxiedConnection) => number | undefined;

export interface TcpProxy {
  url: string;
  connections: ProxiedConnection[];
  close(): Promise<void>;
}

/**
 * A real TCP proxy on loopback in front of `targetUrl`: pipes bytes both ways and drops a connection (destroying the
 * client and server sockets, as a network failure would) at the point `cut` names.
 */
export async function startTcpProxy(targetUrl: string, cut: CutRule): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const connections: ProxiedConnection[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const connection: ProxiedConnection = { index: connections.length, request: '', response: '', cut: false };
    connections.push(connection);
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    const drop = () => {
      connection.cut = true;
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (bytes: Buffer) => {
      connection.request += bytes.toString('latin1');
      upstream.write(bytes);
    });
    upstream.on('data', (bytes: Buffer) => {
      if (connection.cut) return;
      const before = connection.response.length;
      connection.response += bytes.toString('latin1');
      const at = cut(connection);
      if (at === undefined || at >= connection.response.length) {
        client.write(bytes);
        return;
      }
      connection.response = connection.response.slice(0, Math.max(at, before));
      client.write(bytes.subarray(0, Math.max(0, at - before)), drop);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The offset of the n-th (1-based) occurrence of `needle` in `text`, or undefined. */
export function nthIndexOf(text: string, needle: string, n: number): number | undefined {
  let at = -1;
  for (let i = 0; i < n; i += 1) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return undefined;
  }
  return at;
}

/**
 * A rule that drops, once each, the connections carrying `requestMarker` (e.g. `POST /v1/chat/completions`) after
 * `events` complete SSE events plus `extraBytes` of the next one (so the cut lands inside an event).
 */
export function cutAfterEvents(requestMarker: string, events: number, extraBytes: number, times = 1): CutRule {
  let cuts = 0;
  return (connection) => {
    if (cuts >= times || !connection.request.includes(requestMarker)) return undefined;
    const next = nthIndexOf(connection.response, 'id: ', events + 1);
    if (next === undefined || next + extraBytes > connection.response.length) return undefined;
    cuts += 1;
    return next + extraBytes;
  };
}
