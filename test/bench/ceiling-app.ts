import express from 'express';
import pg from 'pg';

/**
 * The bench's reference ("ceiling"): Express 5 + pg and nothing else — no contract validator, no
 * auth, no logging, no transaction — answering one SELECT by primary key. Whatever the real server
 * does per request costs on top of this, so `server req/s ÷ ceiling req/s` measures that cost on
 * this very machine, in this very run. Runs as a child process like the server (see run.ts).
 *
 * Env: DATABASE_URL, PORT, DB_POOL_MAX, MIN_ID..MAX_ID (the users rows read, at random).
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 4) });
const minId = Number(process.env.MIN_ID ?? 1);
const span = Number(process.env.MAX_ID ?? minId) - minId + 1;

const app = express();
app.get('/row', async (_req, res) => {
  const id = minId + Math.floor(Math.random() * span);
  const result = await pool.query('SELECT id, email, full_name, track_id, created_at FROM users WHERE id = $1', [id]);
  res.json(result.rows[0] ?? null);
});
app.get('/health', (_req, res) => void res.json({ status: 'ok' }));

const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address !== null ? address.port : ''}\n`);
});
server.keepAliveTimeout = 5_000;

process.once('SIGTERM', () => {
  server.close(() => void pool.end().then(() => process.exit(0)));
  server.closeIdleConnections();
});
