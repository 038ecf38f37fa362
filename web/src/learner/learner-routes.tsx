import type { ReactNode } from 'react';
import { NotFoundPage } from '@shared/ui/not-found-page';

/** Every signed-in learner screen; each lives in its own feature folder. */
export const learnerRoutes: readonly { path: string; element: ReactNode }[] = [
  { path: '*', element: <NotFoundPage /> },
];
