import { Router } from 'express';
import type { DatabaseHealth } from '../../../application/ports/database-health.port.js';

export function healthRouter(databaseHealth: DatabaseHealth): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/health/db', async (_req, res) => {
    await databaseHealth.ping();
    res.json({ status: 'ok', db: 'ok' });
  });
  return router;
}
