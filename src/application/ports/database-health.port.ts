/** What GET /health/ready reports: can the database run a query, and is every migration applied. */
export interface Readiness {
  readonly db: 'ok' | 'unavailable';
  /** Migrations shipped with this build and not applied to the database (empty when ready; unknown without a db). */
  readonly pendingMigrations: readonly string[] | undefined;
}

/** Answers whether the database can run a query right now (GET /health/db) and whether it is ready (/health/ready). */
export interface DatabaseHealth {
  ping(): Promise<void>;
  readiness(): Promise<Readiness>;
}
