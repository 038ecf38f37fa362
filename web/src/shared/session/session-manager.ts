import type { AccessToken } from '@contract';
import type { Session, SessionEnvironment, SessionMessage, SessionPaths, SessionStatus } from './session';

/** Refresh this long before the access token expires (or at 80 % of a shorter lifetime). */
const REFRESH_LEAD_MS = 60_000;

export function createSession(name: string, paths: SessionPaths, env: SessionEnvironment): Session {
  let status: SessionStatus = 'restoring';
  let token: string | null = null;
  let expiresAt = 0;
  let timer: unknown = null;
  let inFlight: Promise<string | null> | null = null;
  const listeners = new Set<() => void>();

  const notify = () => listeners.forEach((listener) => listener());

  function adopt(next: string, nextExpiresAt: number): void {
    token = next;
    expiresAt = nextExpiresAt;
    status = 'signed-in';
    env.hint.set(true);
    schedule();
    notify();
  }

  function clear(): void {
    if (timer !== null) env.clearTimer(timer);
    timer = null;
    token = null;
    expiresAt = 0;
    status = 'signed-out';
    env.hint.set(false);
    notify();
  }

  function schedule(): void {
    if (timer !== null) env.clearTimer(timer);
    const lifetime = expiresAt - env.now();
    const lead = Math.min(REFRESH_LEAD_MS, lifetime * 0.2);
    timer = env.setTimer(() => void refresh(token), Math.max(lifetime - lead, 0));
  }

  /**
   * One refresh across tabs. Inside the lock, a token newer than `stale` (adopted from another tab's
   * broadcast while this tab waited) is used as it is, so the cookie is spent once per expiry.
   */
  function refresh(stale: string | null): Promise<string | null> {
    inFlight ??= env.locks
      .request(`${name}-refresh`, async () => {
        if (token !== null && token !== stale && expiresAt - env.now() > REFRESH_LEAD_MS / 2) return token;
        const response = await env
          .fetch(paths.refresh, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' } })
          .catch(() => null);
        if (response === null) return token; // offline: keep what we have, the next call retries
        if (!response.ok) {
          clear();
          env.channel.postMessage({ type: 'signed-out' });
          return null;
        }
        const body = (await response.json()) as AccessToken;
        adopt(body.access_token, env.now() + body.expires_in * 1000);
        env.channel.postMessage({ type: 'token', token: body.access_token, expiresAt });
        return body.access_token;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  env.channel.onmessage = (event) => {
    const message = event.data as SessionMessage;
    if (message.type === 'token') adopt(message.token, message.expiresAt);
    else if (message.type === 'signed-out' && status !== 'signed-out') clear();
  };

  return {
    status: () => status,
    accessToken: () => token,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn(body) {
      adopt(body.access_token, env.now() + body.expires_in * 1000);
      env.channel.postMessage({ type: 'token', token: body.access_token, expiresAt });
    },
    async restore() {
      if (!env.hint.get()) {
        clear();
        return;
      }
      await refresh(null);
    },
    async refreshAfterUnauthorized(failedToken) {
      if (token !== null && token !== failedToken) return token;
      return refresh(failedToken);
    },
    async signOut() {
      await env.fetch(paths.logout, { method: 'POST', credentials: 'same-origin' }).catch(() => null);
      clear();
      env.channel.postMessage({ type: 'signed-out' });
    },
    dispose() {
      if (timer !== null) env.clearTimer(timer);
      env.channel.close();
    },
  };
}
