/**
 * Counts use-case calls still running, so shutdown can wait for them before the pool closes
 * (docs/decisions.md, "Shutdown waits for use cases"). A call outlives its HTTP exchange when the
 * client hangs up or the request timeout has already answered 503; such a call may sit between two
 * database reads (a login verifying its argon2 hash after reading the credentials, before opening
 * the session) with no pooled client checked out, so only counting the calls themselves shows it.
 */
export interface InFlightWork {
  /** The same tree of use cases, each function counted while its promise is pending. */
  track<T extends object>(useCases: T): T;
  readonly running: number;
  /** Resolves once no tracked call runs (at once when none does), or after `limitMs`. */
  settled(limitMs: number): Promise<void>;
}

export function inFlightWork(): InFlightWork {
  let running = 0;
  let waiters: (() => void)[] = [];
  const finish = () => {
    running -= 1;
    if (running > 0) return;
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  };

  const wrap = <F extends (...args: never[]) => unknown>(fn: F): F =>
    ((...args: Parameters<F>) => {
      running += 1;
      let result: unknown;
      try {
        result = fn(...args);
      } catch (error) {
        finish();
        throw error;
      }
      if (!(result instanceof Promise)) {
        finish();
        return result;
      }
      return result.finally(finish);
    }) as F;

  const track = <T extends object>(tree: T): T =>
    Object.fromEntries(
      Object.entries(tree).map(([name, member]) => [
        name,
        typeof member === 'function'
          ? wrap(member as (...args: never[]) => unknown)
          : member !== null && typeof member === 'object'
            ? track(member as object)
            : member,
      ]),
    ) as T;

  return {
    track,
    get running() {
      return running;
    },
    settled(limitMs) {
      if (running === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, limitMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
