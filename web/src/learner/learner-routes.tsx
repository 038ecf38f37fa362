import type { ReactNode } from 'react';
import { NotFoundPage } from '@shared/ui/not-found-page';
import { AccountPage } from './account/account-page';
import { ApprovalsPage } from './approvals/approvals-page';
import { DashboardPage } from './dashboard/dashboard-page';
import { DiagnostikaPage } from './diagnostika/diagnostika-page';
import { ExamPage } from './exams/exam-page';
import { AttemptsPage } from './history/attempts-page';
import { ArticlePage } from './reading/article-page';
import { MinitestPage } from './reading/minitest-page';
import { ReadingListPage } from './reading/reading-list-page';

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
