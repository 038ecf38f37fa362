import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Level } from 'pino';
import type { Logger } from '../../logging/logger.js';

declare module 'http' {
  interface IncomingMessage {
    /** The request id: the client's `X-Request-Id` when well-formed, else a fresh UUID; echoed back. */
    id: string;
  }
}

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/**
 * What a log line says about its request. Bodies are never logged (passwords travel in them), and
 * neither is any header (tokens and cookies travel in them).
 */
export function requestFields(req: Request): { req: { id: string; method: string; url: string } } {
  return { req: { id: req.id, method: req.method, url: req.originalUrl } };
}

/** 2xx/3xx at debug, 4xx at info, 5xx at error. */
function levelOf(status: number): Level {
  return status >= 500 ? 'error' : status >= 400 ? 'info' : 'debug';
}

/**
 * Gives every request its id and writes one line when it is answered. No child logger is made per
 * request, and a line below the configured level costs one comparison (docs/benchmarks.md: a child
 * logger per request was a measurable share of the read path's CPU).
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    req.id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    const started = performance.now();
    res.once('finish', () => {
      const level = levelOf(res.statusCode);
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          ...requestFields(req),
          res: { statusCode: res.statusCode },
          responseTime: Math.round(performance.now() - started),
        },
        'request completed',
      );
    });
    next();
  };
}
