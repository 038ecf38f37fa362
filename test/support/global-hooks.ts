import { releaseTestDatabases } from './database.js';

/** Runs once after the whole suite, even when tests failed: nothing is left behind. */
export async function mochaGlobalTeardown(): Promise<void> {
  await releaseTestDatabases();
}
