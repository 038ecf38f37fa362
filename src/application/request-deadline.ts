import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The wall-clock deadline of the request being served. The HTTP adapter opens a scope per
 * request; the transactor reads it so that a transaction still running when the request has
 * already been answered 503 is rolled back instead of committed. Pure request-scoped data:
 * nothing here depends on a database session.
 */
const storage = new AsyncLocalStorage<{ readonly deadline: number }>();

export function withDeadline<T>(deadline: number, work: () => T): T {
  return storage.run({ deadline }, work);
}

/** Milliseconds left before the current request's deadline, or undefined outside a request. */
export function remainingMs(now: number = Date.now()): number | undefined {
  const scope = storage.getStore();
  return scope === undefined ? undefined : scope.deadline - now;
}
