import { useEffect, type ReactNode } from 'react';
import { Loading } from '../ui/states';
import { useSession, useSessionStatus } from './session-context';

/** Restores the session once, then shows `signedIn` or `signedOut`. */
export function SessionGate({ signedIn, signedOut }: { signedIn: ReactNode; signedOut: ReactNode }) {
  const session = useSession();
  const status = useSessionStatus();
  useEffect(() => {
    if (session.status() === 'restoring') void session.restore();
  }, [session]);
  if (status === 'restoring') return <Loading />;
  return <>{status === 'signed-in' ? signedIn : signedOut}</>;
}
