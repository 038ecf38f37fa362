/** Answers whether the database can run a query right now (for GET /health/db). */
export interface DatabaseHealth {
  ping(): Promise<void>;
}
