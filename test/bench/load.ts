import autocannon from 'autocannon';

/**
 * autocannon, driven from the bench process. Latencies are collected from every response event
 * (floating-point milliseconds; autocannon's own histogram rounds to whole ms, too coarse for p50
 * ratios of fast endpoints) and statuses are counted so a run that answered errors is reported as
 * broken instead of fast.
 */
export interface LoadRequest {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Built again before every request; return null to skip the rest of the sequence (autocannon reset). */
  readonly setup?: (
    context: Record<string, unknown>,
  ) => { path?: string; headers?: Record<string, string>; body?: string } | null;
  readonly onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}

export interface LoadOptions {
  readonly title: string;
  readonly url: string;
  readonly connections: number;
  /** Seconds; ignored when `amount` is set. */
  readonly duration?: number;
  /** Exactly this many requests (e.g. exam starts, each consuming a fresh learner). */
  readonly amount?: number;
  readonly requests: readonly LoadRequest[];
  /** Statuses that count as success (default: any 2xx). */
  readonly expect?: readonly number[];
}

export interface LoadResult {
  readonly title: string;
  /** Successful responses per second of the run. */
  readonly rps: number;
  readonly ok: number;
  readonly total: number;
  readonly durationS: number;
  readonly p50: number;
  readonly p99: number;
  /** Unexpected statuses and socket errors/timeouts, e.g. { "409": 3, errors: 1 }. */
  readonly failures: Record<string, number>;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: readonly number[]): number {
  const finite = values.filter((value) => Number.isFinite(value));
  return percentile(
    [...finite].sort((a, b) => a - b),
    50,
  );
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const requests = options.requests.map((request) => ({
    method: request.method,
    path: request.path,
    headers: { 'content-type': 'application/json', ...request.headers },
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(request.setup === undefined
      ? {}
      : {
          setupRequest: (req: autocannon.Request, context: object) => {
            const changes = request.setup!(context as Record<string, unknown>);
            if (changes === null) return null as unknown as autocannon.Request;
            return { ...req, ...changes, headers: { ...req.headers, ...changes.headers } };
          },
        }),
    ...(request.onResponse === undefined
      ? {}
      : {
          onResponse: (status: number, body: string, context: object) =>
            request.onResponse!(status, body, context as Record<string, unknown>),
        }),
  }));

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount === undefined ? { duration: options.duration ?? 5 } : { amount: options.amount }),
        requests: requests as autocannon.Request[],
        timeout: 30,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });

  const expected = (status: number) =>
    options.expect ? options.expect.includes(status) : status >= 200 && status < 300;
  let ok = 0;
  const failures: Record<string, number> = {};
  for (const [status, count] of statuses) {
    if (expected(status)) ok += count;
    else failures[String(status)] = count;
  }
  if (result.errors > 0) failures.errors = result.errors;
  if (result.timeouts > 0) failures.timeouts = result.timeouts;
  latencies.sort((a, b) => a - b);
  return {
    title: options.title,
    rps: ok / result.duration,
    ok,
    total: latencies.length,
    durationS: result.duration,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures,
  };
}

/** Rotates over a list (tokens, learners) from a shared cursor, so connections spread over all of it. */
export function rotation<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error('rotation() needs at least one item');
  let next = 0;
  return () => {
    const item = items[next % items.length]!;
    next += 1;
    return item;
  };
}
