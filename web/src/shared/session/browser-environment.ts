import type { SessionEnvironment, SessionMessage } from './session';

/** The real browser: Web Locks, a BroadcastChannel, localStorage for the "has a session" hint only. */
export function browserEnvironment(name: string): SessionEnvironment {
  const channel = new BroadcastChannel(name);
  const hintKey = `${name}.has-session`;
  return {
    fetch: (...args) => fetch(...args),
    locks: {
      request: (lock, callback) =>
        navigator.locks === undefined
          ? callback()
          : (navigator.locks.request(lock, () => callback()) as Promise<Awaited<ReturnType<typeof callback>>>),
    },
    channel: {
      postMessage: (message: SessionMessage) => channel.postMessage(message),
      get onmessage() {
        return channel.onmessage as ((event: { data: unknown }) => void) | null;
      },
      set onmessage(handler) {
        channel.onmessage = handler;
      },
      close: () => channel.close(),
    },
    hint: {
      get: () => localStorage.getItem(hintKey) === '1',
      set: (present) => (present ? localStorage.setItem(hintKey, '1') : localStorage.removeItem(hintKey)),
    },
    now: () => Date.now(),
    setTimer: (callback, ms) => window.setTimeout(callback, Math.min(ms, 2 ** 31 - 1)),
    clearTimer: (handle) => window.clearTimeout(handle as number),
  };
}
