import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from '@shared/api/api-context';
import { createHttpClient } from '@shared/api/http-client';
import { setupI18n } from '@shared/i18n/i18n';
import type { Session } from '@shared/session/session';

/** A signed-in session whose token never expires: component tests exercise the screen, not the refresh. */
const session = { accessToken: () => 'token', refreshAfterUnauthorized: async () => null } as unknown as Session;

/**
 * Renders a component test's subject with what every screen has around it (translations, the typed API client,
 * a fresh query cache), its requests answered by `server` in place of the network.
 */
export function renderWithApi(
  ui: ReactElement,
  server: (url: string, init: RequestInit) => Promise<Response>,
  language: 'en' | 'ru' = 'en',
) {
  const http = createHttpClient(session, server as typeof fetch);
  return render(
    <I18nextProvider i18n={setupI18n(language)}>
      <ApiProvider client={http}>
        <QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>
      </ApiProvider>
    </I18nextProvider>,
  );
}
