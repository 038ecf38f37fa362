import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupI18n } from '@shared/i18n/i18n';
import { browserEnvironment } from '@shared/session/browser-environment';
import { createSession } from '@shared/session/session-manager';
import { ADMIN_SESSION } from '@shared/session/session-paths';
import { AppProviders } from '@shared/ui/app-providers';
import { AdminApp } from './admin-app';

const session = createSession(ADMIN_SESSION.name, ADMIN_SESSION.paths, browserEnvironment(ADMIN_SESSION.name));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders session={session} i18n={setupI18n()}>
      <AdminApp />
    </AppProviders>
  </StrictMode>,
);
