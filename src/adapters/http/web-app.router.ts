import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Response } from 'express';

/** Paths that belong to the server, never to the single-page apps' history fallback. */
const SERVER_PATHS = /^\/(api|docs|openapi\.|metrics|health)/;
/** A path with a file extension asks for a file: a missing one is a 404, not the app's page. */
const FILE_PATH = /\/[^/]*\.[^/]*$/;

/**
 * The built web app (dist/web, from web/ by Vite): the learner app at /, the admin console at /admin/.
 * Vite names every asset by its content hash, so assets are cached for a year; the two index.html
 * files are revalidated on every load so a new build is picked up at once. Nothing is mounted when
 * the build is absent (API-only tests, a server started before the first build).
 */
export function webAppRouter(distDir: string): Router {
  const router = Router();
  const learnerIndex = join(distDir, 'index.html');
  const adminIndex = join(distDir, 'admin', 'index.html');
  if (!existsSync(learnerIndex)) return router;

  router.use(
    '/assets',
    express.static(join(distDir, 'assets'), {
      index: false,
      fallthrough: true,
      setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  const sendPage = (res: Response, file: string) =>
    res
      .setHeader('Cache-Control', 'no-cache')
      .sendFile(file, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (SERVER_PATHS.test(req.path) || req.path.startsWith('/assets/') || FILE_PATH.test(req.path)) return next();
    if (req.path === '/admin' || req.path.startsWith('/admin/')) return sendPage(res, adminIndex);
    return sendPage(res, learnerIndex);
  });
  return router;
}
