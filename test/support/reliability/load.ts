import type { ApiResponse } from '../api.js';
import { contractViolations } from '../contract.js';

/**
 * A steady background load of mixed requests (workers looping over operations), recording every
 * outcome with its timing — to watch what an outage or a crash does to requests in flight.
 */
export interface LoadOperation {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  /** Sends the request (raw: the load records contract violations instead of throwing). */
  send(): Promise<ApiResponse>;
}

export interface LoadSample {
  readonly op: string;
  readonly start: number;
  readonly end: number;
  /** The HTTP status, or 0 when no response came (connection refused or reset, client timeout). */
  readonly status: number;
  readonly code?: string;
  readonly error?: string;
  readonly violations: readonly string[];
}

export interface RunningLoad {
  readonly samples: readonly LoadSample[];
  stop(): Promise<void>;
}

export function startLoad(
  operations: readonly LoadOperation[],
  options: { workers: number; pauseMs?: number },
): RunningLoad {
  const samples: LoadSample[] = [];
  let stopping = false;
  let turn = 0;

  const worker = async () => {
    while (!stopping) {
      const operation = operations[turn % operations.length]!;
      turn += 1;
      const start = Date.now();
      try {
        const response = await operation.send();
        const code =
          typeof response.body === 'object' && response.body !== null
            ? (response.body as { code?: string }).code
            : undefined;
        const violations = contractViolations({
          method: operation.method,
          path: operation.path,
          status: response.status,
          contentType: response.headers.get('content-type') ?? undefined,
          body: response.body,
          rawBody: response.text,
        });
        samples.push({
          op: operation.name,
          start,
          end: Date.now(),
          status: response.status,
          ...(code === undefined ? {} : { code }),
          violations,
        });
      } catch (error) {
        samples.push({
          op: operation.name,
          start,
          end: Date.now(),
          status: 0,
          error: String((error as Error).cause ?? error),
          violations: [],
        });
      }
      if (options.pauseMs !== undefined) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
  };
  const workers = Array.from({ length: options.workers }, worker);
  return {
    samples,
    async stop() {
      stopping = true;
      await Promise.all(workers);
    },
  };
}

/** "signup 201×12 503:db_unavailable×4 …" per operation, for failure messages. */
export function describeSamples(samples: readonly LoadSample[]): string {
  const counts = new Map<string, number>();
  for (const sample of samples) {
    const key = `${sample.op} ${sample.status}${sample.code === undefined || sample.status < 400 ? '' : `:${sample.code}`}${sample.error === undefined ? '' : `:${sample.error.slice(0, 60)}`}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort()
    .map(([key, count]) => `${key}×${count}`)
    .join('\n');
}
