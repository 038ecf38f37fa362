import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupI18n } from '@shared/i18n/i18n';
import { browserEnvironment } from '@shared/session/browser-environment';
import { createSession } from '@shared/session/session-manager';
import { LEARNER_SESSION } from '@shared/session/session-paths';
import { AppProviders } from '@shared/ui/app-providers';
import { LearnerApp } from './learner-app';

const session = createSession(LEARNER_SESSION.name, LEARNER_SESSION.paths, browserEnvironment(LEARNER_SESSION.name));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders session={session} i18n={setupI18n()}>
      <LearnerApp />
    </AppProviders>
  </StrictMode>,
);
