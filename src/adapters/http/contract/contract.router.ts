import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { OpenApiContract } from './openapi-document.js';

/** The contract in both notations, and Swagger UI at /docs ("Authorize" takes either token kind). */
export function contractRouter(contract: OpenApiContract): Router {
  const router = Router();
  const json = JSON.stringify(contract.document);
  router.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(contract.yaml);
  });
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(json);
  });
  router.use(
    '/docs',
    swaggerUi.serve,
    swaggerUi.setup(contract.document, {
      customSiteTitle: 'Adaptive Learning Platform API',
      swaggerOptions: { persistAuthorization: true, displayRequestDuration: true },
    }),
  );
  return router;
}
