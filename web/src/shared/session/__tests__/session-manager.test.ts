import { describe, expect, it } from 'vitest';
import type { SessionEnvironment, SessionMessage } from '../session';
import { createSession } from '../session-manager';

const PATHS = { refresh: '/api/v1/auth/refresh', logout: '/api/v1/auth/logout' };

/**
 * A browser with several tabs: one cookie jar (the server's refresh count), one lock manager, one
 * broadcast bus, one clock. Each tab gets its own session over them, as each real tab does.
 */
function browser(refreshStatus: () => number = () => 200) {
  const calls: string[] = [];
  let now = 1_000_000;
  let issued = 0;
  const timers: { at: number; callback: () => void }[] = [];
  const held = new Map<string, Promise<unknown>>();
  const tabs: { onmessage: ((event: { data: unknown }) => void) | null }[] = [];
  let hint = true;

  const fetchImpl = (async (url: string) => {
    calls.push(url);
    await new Promise((resolve) => setTimeout(resolve, 5)); // the network takes a while: tabs overlap
    if (url === PATHS.logout) return new Response(null, { status: 204 });
    const status = refreshStatus();
    if (status === 0) throw new TypeError('Failed to fetch');
    if (status !== 200) return new Response('{}', { status, headers: { 'content-type': 'application/problem+json' } });
    issued += 1;
    return Response.json({ access_token: `token-${issued}`, token_type: 'Bearer', expires_in: 900 });
  }) as typeof fetch;

  function tab(): SessionEnvironment {
    const channel: SessionEnvironment['channel'] = {
      onmessage: null,
      postMessage: (message: SessionMessage) => {
        for (const other of tabs) if (other !== channel) other.onmessage?.({ data: message });
      },
      close: () => undefined,
    };
    tabs.push(channel);
    return {
      fetch: fetchImpl,
      locks: {
        // Exclusive, FIFO: each request waits for the previous holder of the same name.
        request: <T>(name: string, callback: () => Promise<T>) => {
          const previous = held.get(name) ?? Promise.resolve();
          const run = previous.then(callback, callback);
          held.set(
            name,
            run.catch(() => undefined),
          );
          return run;
        },
      },
      channel,
      hint: { get: () => hint, set: (present) => (hint = present) },
      now: () => now,
      setTimer: (callback, ms) => {
        const timer = { at: now + ms, callback };
        timers.push(timer);
        return timer;
      },
      clearTimer: (handle) => {
        const index = timers.indexOf(handle as (typeof timers)[number]);
        if (index >= 0) timers.splice(index, 1);
      },
    };
  }

  return {
    calls,
    tab: () => createSession('alp-learner', PATHS, tab()),
    refreshCalls: () => calls.filter((url) => url === PATHS.refresh).length,
    setHint: (present: boolean) => (hint = present),
    /** Moves the clock and fires the timers that came due. */
    advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.callback();
      }
    },
  };
}

const LOGIN = { access_token: 'login-token', token_type: 'Bearer' as const, expires_in: 900 };

describe('session refresh', () => {
  it('restores from the cookie once for several tabs opened together', async () => {
    const b = browser();
    const [one, two, three] = [b.tab(), b.tab(), b.tab()];
    await Promise.all([one.restore(), two.restore(), three.restore()]);
    expect(b.refreshCalls()).toBe(1);
    expect([one.accessToken(), two.accessToken(), three.accessToken()]).toEqual(['token-1', 'token-1', 'token-1']);
    expect(two.status()).toBe('signed-in');
  });

  it('sends no refresh when this browser never logged in', async () => {
    const b = browser();
    b.setHint(false);
    const tab = b.tab();
    await tab.restore();
    expect(b.calls).toEqual([]);
    expect(tab.status()).toBe('signed-out');
  });

  it('refreshes once when two tabs hit a 401 with the same token at once, and both get the new token', async () => {
    const b = browser();
    const one = b.tab();
    const two = b.tab();
    one.signIn(LOGIN); // broadcast: the second tab adopts the login
    expect(two.accessToken()).toBe('login-token');
    const [a, c] = await Promise.all([
      one.refreshAfterUnauthorized('login-token'),
      two.refreshAfterUnauthorized('login-token'),
    ]);
    expect(b.refreshCalls()).toBe(1);
    expect(a).toBe('token-1');
    expect(c).toBe('token-1');
  });

  it('after a 401 with an old token, uses the fresher token another tab already got, without a refresh', async () => {
    const b = browser();
    const one = b.tab();
    const two = b.tab();
    one.signIn(LOGIN);
    await one.refreshAfterUnauthorized('login-token');
    expect(await two.refreshAfterUnauthorized('login-token')).toBe('token-1');
    expect(b.refreshCalls()).toBe(1);
  });

  it('refreshes silently before the access token expires', async () => {
    const b = browser();
    const tab = b.tab();
    tab.signIn(LOGIN);
    b.advance(900_000 - 61_000);
    expect(b.refreshCalls()).toBe(0);
    b.advance(2_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(b.refreshCalls()).toBe(1);
    expect(tab.accessToken()).toBe('token-1');
  });

  it('ends the session in every tab when the refresh is refused', async () => {
    const b = browser(() => 401);
    const one = b.tab();
    const two = b.tab();
    one.signIn(LOGIN);
    expect(await one.refreshAfterUnauthorized('login-token')).toBeNull();
    expect(one.status()).toBe('signed-out');
    expect(two.status()).toBe('signed-out');
  });

  it('logging out in one tab logs out the others', async () => {
    const b = browser();
    const one = b.tab();
    const two = b.tab();
    one.signIn(LOGIN);
    await two.signOut();
    expect(b.calls).toEqual([PATHS.logout]);
    expect(one.status()).toBe('signed-out');
    expect(one.accessToken()).toBeNull();
  });

  it('keeps the session when the network is down during a refresh', async () => {
    const b = browser(() => 0);
    const tab = b.tab();
    tab.signIn(LOGIN);
    expect(await tab.refreshAfterUnauthorized('login-token')).toBe('login-token');
    expect(tab.status()).toBe('signed-in');
  });
});
