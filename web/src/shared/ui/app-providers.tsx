import { QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from '../api/api-context';
import { createHttpClient } from '../api/http-client';
import { createQueryClient } from '../api/query-client';
import type { Session } from '../session/session';
import { SessionProvider } from '../session/session-context';
import '../design/tokens.css';
import '../design/base.css';

/**
 * Everything an app (learner or admin) runs inside: i18n, its session, the one HTTP client over it, a
 * query cache that is emptied whenever the session ends (the next user must not see this one's data).
 */
export function AppProviders({ session, i18n, children }: { session: Session; i18n: I18n; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [http] = useState(() => createHttpClient(session));
  useEffect(
    () =>
      session.subscribe(() => {
        if (session.status() === 'signed-out') queryClient.clear();
      }),
    [session, queryClient],
  );
  return (
    <I18nextProvider i18n={i18n}>
      <SessionProvider session={session}>
        <ApiProvider client={http}>
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </ApiProvider>
      </SessionProvider>
    </I18nextProvider>
  );
}
