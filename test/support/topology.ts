/**
 * TEST_DB_TOPOLOGY=pgbouncer runs every server under test (in-process and child processes) through
 * a real transaction-mode PgBouncer the harness starts (test/support/pgbouncer.ts), with prepared
 * statements off; the tests' own fixture pools stay direct. `.ci/run` makes a second pass of the
 * race, two-instance, outage and journey suites this way.
 */
export const THROUGH_PGBOUNCER = process.env.TEST_DB_TOPOLOGY === 'pgbouncer';

/** Appended to a describe title, so a report tells the two passes apart. */
export const TOPOLOGY_LABEL = THROUGH_PGBOUNCER ? ' (through PgBouncer, transaction mode)' : '';
