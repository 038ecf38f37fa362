import { lazy, type ReactNode } from 'react';
import { NotFoundPage } from '@shared/ui/not-found-page';
import { DashboardPage } from './dashboard/dashboard-page';

// Screens other than the dashboard load on first visit: the markdown renderer and the question runner
// stay out of the JavaScript a learner downloads before seeing the dashboard.
const AccountPage = lazy(() => import('./account/account-page').then((m) => ({ default: m.AccountPage })));
const ApprovalsPage = lazy(() => import('./approvals/approvals-page').then((m) => ({ default: m.ApprovalsPage })));
const DiagnostikaPage = lazy(() =>
  import('./diagnostika/diagnostika-page').then((m) => ({ default: m.DiagnostikaPage })),
);
const ExamPage = lazy(() => import('./exams/exam-page').then((m) => ({ default: m.ExamPage })));
const AttemptsPage = lazy(() => import('./history/attempts-page').then((m) => ({ default: m.AttemptsPage })));
const ArticlePage = lazy(() => import('./reading/article-page').then((m) => ({ default: m.ArticlePage })));
const MinitestPage = lazy(() => import('./reading/minitest-page').then((m) => ({ default: m.MinitestPage })));
const ReadingListPage = lazy(() => import('./reading/reading-list-page').then((m) => ({ default: m.ReadingListPage })));

/** Every signed-in learner screen; each lives in its own feature folder. */
export const learnerRoutes: readonly { path: string; element: ReactNode }[] = [
  { path: '/', element: <DashboardPage /> },
  { path: '/diagnostika', element: <DiagnostikaPage /> },
  { path: '/reading', element: <ReadingListPage /> },
  { path: '/reading/:articleId', element: <ArticlePage /> },
  { path: '/reading/:articleId/minitest', element: <MinitestPage /> },
  { path: '/exams/level', element: <ExamPage key="level" kind="level" /> },
  { path: '/exams/rank-final', element: <ExamPage key="rank-final" kind="rank-final" /> },
  { path: '/attempts', element: <AttemptsPage /> },
  { path: '/approvals', element: <ApprovalsPage /> },
  { path: '/account', element: <AccountPage /> },
  { path: '*', element: <NotFoundPage /> },
];
