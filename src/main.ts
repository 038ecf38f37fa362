import { pathToFileURL } from 'node:url';
import { startServer, stopOnSignals } from './composition/server-lifecycle.js';
import { loadConfig } from './config/config.js';

/**
 * The server's entry point: config → start → stop on signals. The wiring lives in src/composition
 * (docs/architecture.md, "Layout"); its public names are re-exported here for the CLIs and the tests.
 */
export { composeApp, composeServer } from './composition/app.js';
export { composeExpirySweep } from './composition/expiry-sweep.js';
export { composeUseCases, type ComposedUseCases } from './composition/use-cases.js';
export { openPool, startServer, stopOnSignals, type RunningServer } from './composition/server-lifecycle.js';
export type { ComposeOverrides } from './composition/wiring-context.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await startServer(config);
  running.logger.info({ url: running.url, env: config.appEnv }, 'server listening');
  stopOnSignals(running);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
