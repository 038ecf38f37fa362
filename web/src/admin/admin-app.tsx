import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { useSession } from '@shared/session/session-context';
import { SessionGate } from '@shared/session/session-gate';
import { AppShell, type NavItem } from '@shared/ui/app-shell';
import { Button } from '@shared/ui/button';
import { ApprovalDetailPage } from './approvals/approval-detail-page';
import { ApprovalQueuePage } from './approvals/approval-queue-page';
import { AuditLogPage } from './audit/audit-log-page';
import { contentRoutes } from './content-routes';
import { AdminHomePage, type AdminArea } from './home/admin-home-page';
import { ImportPage } from './import/import-page';
import { LearnerDetailPage } from './learners/learner-detail-page';
import { LearnerSearchPage } from './learners/learner-search-page';
import { AdminLoginPage } from './login/admin-login-page';
import { SettingsTracksPage } from './settings/settings-tracks-page';
import { SettingsVersionPage } from './settings/settings-version-page';
import { SettingsVersionsPage } from './settings/settings-versions-page';

/** The admin console's routes; each area of the console is a feature folder next to this file. */
export function AdminApp() {
  const { t } = useTranslation();
  const session = useSession();
  // Every area once: the navigation and the overview page both list these.
  const areas: AdminArea[] = [
    { to: '/admin/approvals', label: t('admin.nav.approvals'), about: t('admin.home.about.approvals') },
    { to: '/admin/learners', label: t('admin.nav.learners'), about: t('admin.home.about.learners') },
    { to: '/admin/settings', label: t('admin.nav.settings'), about: t('admin.home.about.settings') },
    { to: '/admin/tracks', label: t('admin.nav.tracks'), about: t('admin.home.about.tracks') },
    { to: '/admin/articles', label: t('admin.nav.articles'), about: t('admin.home.about.articles') },
    { to: '/admin/import', label: t('admin.nav.import'), about: t('admin.home.about.import') },
    { to: '/admin/audit-log', label: t('admin.nav.audit'), about: t('admin.home.about.audit') },
  ];
  const nav: NavItem[] = [{ to: '/admin/', label: t('admin.nav.home') }, ...areas];
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
              <Route path="/admin/approvals" element={<ApprovalQueuePage />} />
              <Route path="/admin/approvals/:requestId" element={<ApprovalDetailPage />} />
              <Route path="/admin/settings" element={<SettingsTracksPage />} />
              <Route path="/admin/settings/tracks/:trackId" element={<SettingsVersionsPage />} />
              <Route path="/admin/settings/versions/:versionId" element={<SettingsVersionPage />} />
              {contentRoutes.map((route) => (
                <Route key={route.path} path={route.path} element={route.element} />
              ))}
              <Route path="/admin/learners" element={<LearnerSearchPage />} />
              <Route path="/admin/learners/:userId" element={<LearnerDetailPage />} />
              <Route path="/admin/import" element={<ImportPage />} />
              <Route path="/admin/audit-log" element={<AuditLogPage />} />
              <Route path="/admin/*" element={<AdminHomePage areas={areas} />} />
            </Routes>
          </AppShell>
        }
      />
    </BrowserRouter>
  );
}
