import type { AccessToken } from '@contract';

/**
 * A browser session: the access token lives in this object's memory only; the refresh token is the
 * HttpOnly cookie the server set at login, sent by the browser to the refresh path (same origin).
 *
 * Tabs cooperate: one refresh at a time across tabs (a Web Lock), and the outcome of a refresh, a
 * login or a logout is shared over a BroadcastChannel, so a tab adopts another tab's fresh token
 * instead of spending the cookie again, and logging out in one tab logs out the others.
 */
export type SessionStatus = 'restoring' | 'signed-in' | 'signed-out';

export interface Session {
  status(): SessionStatus;
  accessToken(): string | null;
  subscribe(listener: () => void): () => void;
  /** Called by the login screen with the login response. */
  signIn(token: AccessToken): void;
  /** Restores the session from the refresh cookie at start (when this browser had one). */
  restore(): Promise<void>;
  /** After a 401 with `failedToken`: a fresh token (another tab's, or one refresh), or null when the session ended. */
  refreshAfterUnauthorized(failedToken: string): Promise<string | null>;
  signOut(): Promise<void>;
  dispose(): void;
}

export interface SessionPaths {
  readonly refresh: string;
  readonly logout: string;
}

/** What the session needs from the browser; tests pass their own. */
export interface SessionEnvironment {
  readonly fetch: typeof fetch;
  readonly locks: { request<T>(name: string, callback: () => Promise<T>): Promise<T> };
  readonly channel: {
    postMessage(message: SessionMessage): void;
    onmessage: ((event: { data: unknown }) => void) | null;
    close(): void;
  };
  /** Remembers only that this browser holds a session (never a token), so a visitor without one sends no refresh. */
  readonly hint: { get(): boolean; set(present: boolean): void };
  readonly now: () => number;
  readonly setTimer: (callback: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
}

export type SessionMessage =
  { readonly type: 'token'; readonly token: string; readonly expiresAt: number } | { readonly type: 'signed-out' };
