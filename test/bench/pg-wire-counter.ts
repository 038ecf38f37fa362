import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between a server process and PostgreSQL that reads the frontend half of the wire
 * protocol, to count SQL round trips per HTTP request without touching src/: every simple query
 * ('Q') and every extended-protocol Sync ('S') is one wait for the database. It also notes which
 * statement each round trip ran (the prepared statement's name — repositories name them
 * `<file>.<query>` — or the SQL text) and the text parameters of each Bind, so the bench can
 * EXPLAIN exactly what the server ran. pg_stat_statements is not loaded on these machines and
 * changing shared_preload_libraries needs a restart of a server others use; this needs neither.
 */
export interface WireStatement {
  /** The prepared statement's name, or '' for an unnamed one. */
  readonly name: string;
  /** SQL text (known from a Parse on this or an earlier request of the same connection, or a 'Q'). */
  readonly text: string;
  /** Text-format parameters; null for SQL NULL, undefined for a binary one. */
  readonly params: readonly (string | null | undefined)[];
}

export interface WireCounter {
  readonly port: number;
  urlThrough(databaseUrl: string): string;
  /** Round trips and statements seen since the last reset. */
  snapshot(): { roundTrips: number; statements: WireStatement[] };
  reset(): void;
  close(): Promise<void>;
}

export async function startWireCounter(target: { host: string; port: number }): Promise<WireCounter> {
  let roundTrips = 0;
  let statements: WireStatement[] = [];
  const sockets = new Set<Socket>();

  const onConnection = (client: Socket) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const cleanup = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', cleanup).on('close', cleanup);
    upstream.on('error', cleanup).on('close', cleanup);
    upstream.pipe(client);

    // Named statements are parsed once per connection: remember their text for later Binds.
    const prepared = new Map<string, string>();
    let unnamedText = '';
    let buffer: Buffer = Buffer.alloc(0);
    let startupDone = false;
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!startupDone) {
          // StartupMessage / SSLRequest: int32 length, no type byte.
          if (buffer.length < 4) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          const code = buffer.readInt32BE(4);
          buffer = buffer.subarray(length);
          if (code !== 80877103) startupDone = true; // an SSLRequest is followed by the real startup
          continue;
        }
        if (buffer.length < 5) break;
        const type = String.fromCharCode(buffer[0]!);
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) break;
        const body = buffer.subarray(5, 1 + length);
        buffer = buffer.subarray(1 + length);
        if (type === 'Q') {
          roundTrips += 1;
          statements.push({ name: '', text: cString(body, 0).value, params: [] });
        } else if (type === 'S') {
          roundTrips += 1;
        } else if (type === 'P') {
          const name = cString(body, 0);
          const text = cString(body, name.next).value;
          if (name.value === '') unnamedText = text;
          else prepared.set(name.value, text);
        } else if (type === 'B') {
          const portal = cString(body, 0);
          const name = cString(body, portal.next);
          statements.push({
            name: name.value,
            text: name.value === '' ? unnamedText : (prepared.get(name.value) ?? ''),
            params: bindParams(body, name.next),
          });
        }
      }
    });
  };

  const server: Server = createServer(onConnection);
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });

  return {
    port,
    urlThrough(databaseUrl) {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    snapshot: () => ({ roundTrips, statements: [...statements] }),
    reset() {
      roundTrips = 0;
      statements = [];
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function cString(buffer: Buffer, offset: number): { value: string; next: number } {
  const end = buffer.indexOf(0, offset);
  return { value: buffer.toString('utf8', offset, end), next: end + 1 };
}

/** Bind: format codes, then the parameter values (length -1 is NULL). */
function bindParams(body: Buffer, offset: number): (string | null | undefined)[] {
  let at = offset;
  const formatCount = body.readInt16BE(at);
  at += 2;
  const formats: number[] = [];
  for (let i = 0; i < formatCount; i += 1, at += 2) formats.push(body.readInt16BE(at));
  const count = body.readInt16BE(at);
  at += 2;
  const values: (string | null | undefined)[] = [];
  for (let i = 0; i < count; i += 1) {
    const length = body.readInt32BE(at);
    at += 4;
    const format = formats.length === 1 ? formats[0] : (formats[i] ?? 0);
    if (length === -1) values.push(null);
    else {
      values.push(format === 0 ? body.toString('utf8', at, at + length) : undefined);
      at += length;
    }
  }
  return values;
}
