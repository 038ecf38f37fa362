import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { useSession } from '@shared/session/session-context';
import { SessionGate } from '@shared/session/session-gate';
import { AppShell, type NavItem } from '@shared/ui/app-shell';
import { Button } from '@shared/ui/button';
import { Loading } from '@shared/ui/states';
import { LoginPage } from './auth/login-page';
import { SignupPage } from './auth/signup-page';
import { learnerRoutes } from './learner-routes';

/** The learner app: the signed-out pages, or the signed-in shell with every learner screen. */
export function LearnerApp() {
  const { t } = useTranslation();
  const session = useSession();
  const nav: NavItem[] = [
    { to: '/', label: t('nav.dashboard') },
    { to: '/reading', label: t('nav.reading') },
    { to: '/attempts', label: t('nav.history') },
    { to: '/approvals', label: t('nav.approvals') },
    { to: '/account', label: t('nav.account') },
  ];
  return (
    <BrowserRouter>
      <SessionGate
        signedOut={
          <AppShell brand={t('app.learner')} nav={[]}>
            <Routes>
              <Route path="/signup" element={<SignupPage />} />
              <Route path="/login" element={<LoginPage />} />
              <Route path="*" element={<Navigate to="/login" replace />} />
            </Routes>
          </AppShell>
        }
        signedIn={
          <AppShell
            brand={t('app.learner')}
            nav={nav}
            actions={
              <Button variant="secondary" onPress={() => void session.signOut()}>
                {t('action.logout')}
              </Button>
            }
          >
            <Suspense fallback={<Loading />}>
              <Routes>
                {learnerRoutes.map(({ path, element }) => (
                  <Route key={path} path={path} element={element} />
                ))}
                <Route path="/login" element={<Navigate to="/" replace />} />
                <Route path="/signup" element={<Navigate to="/" replace />} />
              </Routes>
            </Suspense>
          </AppShell>
        }
      />
    </BrowserRouter>
  );
}
