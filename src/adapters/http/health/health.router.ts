import { Router } from 'express';
import type { DatabaseHealth } from '../../../application/ports/database-health.port.js';
import type {
  GetDatabaseHealthResponses,
  GetReadinessErrors,
  GetHealthResponses,
  GetReadinessResponses,
} from '../../../contract/generated/types.gen.js';

export function healthRouter(databaseHealth: DatabaseHealth): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' } satisfies GetHealthResponses[200]);
  });
  router.get('/health/db', async (_req, res) => {
    await databaseHealth.ping();
    res.json({ status: 'ok', db: 'ok' } satisfies GetDatabaseHealthResponses[200]);
  });
  // Not problem+json: a load balancer or orchestrator reads the same report whether ready or not.
  router.get('/health/ready', async (_req, res) => {
    const { db, pendingMigrations } = await databaseHealth.readiness();
    const ready = db === 'ok' && pendingMigrations?.length === 0;
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ok' : 'unavailable',
      db,
      migrations: pendingMigrations === undefined ? 'unknown' : pendingMigrations.length === 0 ? 'ok' : 'pending',
      pending_migrations: [...(pendingMigrations ?? [])],
    } satisfies GetReadinessResponses[200] & GetReadinessErrors[503]);
  });
  return router;
}
