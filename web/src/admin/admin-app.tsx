import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { useSession } from '@shared/session/session-context';
import { SessionGate } from '@shared/session/session-gate';
import { AppShell, type NavItem } from '@shared/ui/app-shell';
import { Button } from '@shared/ui/button';
import { AdminHomePage } from './home/admin-home-page';
import { AdminLoginPage } from './login/admin-login-page';

/** The admin console's routes; each area of the console is a feature folder next to this file. */
export function AdminApp() {
  const { t } = useTranslation();
  const session = useSession();
  const nav: NavItem[] = [{ to: '/admin/', label: t('admin.nav.home') }];
  return (
    <BrowserRouter>
      <SessionGate
        signedOut={
          <AppShell brand={t('app.admin')} nav={[]}>
            <AdminLoginPage />
          </AppShell>
        }
        signedIn={
          <AppShell
            brand={t('app.admin')}
            nav={nav}
            actions={
              <Button variant="secondary" onPress={() => void session.signOut()}>
                {t('action.logout')}
              </Button>
            }
          >
            <Routes>
              <Route path="/admin/*" element={<AdminHomePage />} />
            </Routes>
          </AppShell>
        }
      />
    </BrowserRouter>
  );
}
