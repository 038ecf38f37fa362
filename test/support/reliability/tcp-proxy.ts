import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between a server process and PostgreSQL, to cut the database away under load.
 *
 * - `cut('reset')`: every open connection is destroyed and the port stops accepting (what a
 *   database restart or a dropped link looks like: ECONNRESET, then ECONNREFUSED).
 * - `cut('blackhole')`: connections stay open but nothing flows, and new connections are accepted
 *   and never answered (a network partition: only timeouts can tell).
 * - `restore()`: forwarding resumes on the same port; blackholed connections are reset (a healed
 *   partition whose connections timed out), fresh ones work.
 */
export type CutMode = 'reset' | 'blackhole';

export interface TcpProxy {
  readonly port: number;
  /** `postgres://…` of the target with host and port replaced by the proxy's. */
  urlThrough(databaseUrl: string): string;
  cut(mode?: CutMode): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
  /** Connections opened through the proxy so far (to prove traffic really flows through it). */
  readonly connectionsOpened: number;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<{ client: Socket; upstream: Socket | undefined }>();
  let state: 'open' | CutMode = 'open';
  let connectionsOpened = 0;

  const onConnection = (client: Socket) => {
    client.on('error', () => client.destroy());
    if (state === 'reset') return void client.destroy();
    const pair: { client: Socket; upstream: Socket | undefined } = { client, upstream: undefined };
    pairs.add(pair);
    client.once('close', () => {
      pair.upstream?.destroy();
      pairs.delete(pair);
    });
    // Blackholed: hold the socket open, read nothing, answer nothing.
    if (state === 'blackhole') return void client.pause();
    connectionsOpened += 1;
    const upstream = connect(target.port, target.host);
    pair.upstream = upstream;
    upstream.on('error', () => client.destroy());
    upstream.once('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  };

  let server: Server = createServer(onConnection);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address !== null ? address.port : port);
      });
    });
  const port = await listen(0);

  const closeListener = () =>
    new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const destroyAll = () => {
    for (const pair of pairs) {
      // resetAndDestroy sends RST, so the peer sees ECONNRESET at once rather than a clean FIN.
      pair.client.resetAndDestroy();
      pair.upstream?.resetAndDestroy();
    }
    pairs.clear();
  };

  return {
    port,
    get connectionsOpened() {
      return connectionsOpened;
    },
    urlThrough(databaseUrl: string) {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    async cut(mode: CutMode = 'reset') {
      state = mode;
      if (mode === 'reset') {
        destroyAll();
        await closeListener();
      } else {
        // Freeze every established connection in both directions.
        for (const pair of pairs) {
          pair.client.unpipe();
          pair.upstream?.unpipe();
          pair.client.pause();
          pair.upstream?.pause();
        }
      }
    },
    async restore() {
      const previous = state;
      state = 'open';
      if (previous === 'blackhole') destroyAll();
      if (!server.listening) {
        server = createServer(onConnection);
        await listen(port);
      }
    },
    async close() {
      state = 'reset';
      destroyAll();
      await closeListener();
    },
  };
}
