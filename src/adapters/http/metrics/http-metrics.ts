import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { Router } from 'express';
import type pg from 'pg';
import client from 'prom-client';
import { DomainError } from '../../../domain/shared/domain-error.js';
import { countDomainEvent, domainCounters } from './domain-counters.js';

/**
 * Prometheus metrics of one process: request durations by route template (never a raw URL, a
 * user or an id), pool gauges, the runtime's default metrics (event-loop lag among them) and the
 * domain counters of domain-counters.ts, fed from the route and status of each answered request.
 */
export interface HttpMetrics {
  readonly middleware: RequestHandler;
  readonly router: Router;
}

/** METRICS_ENABLED=false: nothing observed, no /metrics route (docs/decisions.md, "What the metrics cost"). */
export function disabledMetrics(): HttpMetrics {
  return { middleware: (_req, _res, next) => next(), router: Router() };
}

export function createHttpMetrics(pool: pg.Pool, options: { readonly token?: string } = {}): HttpMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'http_server_request_duration_seconds',
    help: 'Duration of HTTP requests, by method, route template and status class',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const poolGauge = (name: string, help: string, read: () => number) =>
    new client.Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  poolGauge('db_pool_connections_total', 'Database connections the pool holds', () => pool.totalCount);
  poolGauge('db_pool_connections_idle', 'Database connections idle in the pool', () => pool.idleCount);
  poolGauge('db_pool_requests_waiting', 'Queries waiting for a pooled connection', () => pool.waitingCount);
  const counters = domainCounters(registry);

  const middleware: RequestHandler = (req, res, next) => {
    const started = process.hrtime.bigint();
    let body: unknown;
    const json = res.json.bind(res);
    res.json = (value: unknown) => {
      body = value;
      return json(value);
    };
    res.once('finish', () => {
      const route = routeTemplate(req);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      duration.observe({ method: req.method, route, status_class: `${Math.floor(res.statusCode / 100)}xx` }, seconds);
      countDomainEvent(counters, `${req.method} ${route}`, res.statusCode, body);
    });
    next();
  };

  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (options.token !== undefined && !bearerMatches(req, options.token))
      throw new DomainError('unauthorized', 'GET /metrics needs the metrics bearer token');
    res.type(registry.contentType).send(await registry.metrics());
  });
  return { middleware, router };
}

/**
 * The matched route's template (e.g. `/exams/level/:attempt_id/submit`); a request the contract
 * refused before any route ran gets the contract's template; `unmatched` otherwise (a 404).
 */
function routeTemplate(req: Request): string {
  const matched = req as Request & { route?: { path?: unknown }; openapi?: { expressRoute?: unknown } };
  if (typeof matched.route?.path === 'string') return matched.route.path;
  const contract = matched.openapi?.expressRoute;
  return typeof contract === 'string' ? contract.replace(/^\/api\/v1/, '') : 'unmatched';
}

function bearerMatches(req: Request, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
