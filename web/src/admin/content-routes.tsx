import type { ReactNode } from 'react';
import { ArticlePage } from './articles/article-page';
import { ArticlesPage } from './articles/articles-page';
import { NewArticlePage } from './articles/new-article-page';
import { TrackPage } from './catalog/track-page';
import { TracksPage } from './catalog/tracks-page';
import { ItemStatisticsPage } from './questions/item-statistics-page';
import { QuestionBankPage } from './questions/question-bank-page';
import { QuestionPage } from './questions/question-page';

/** The content screens: tracks and modules, each module's question bank and item statistics, articles. */
export const contentRoutes: readonly { path: string; element: ReactNode }[] = [
  { path: '/admin/tracks', element: <TracksPage /> },
  { path: '/admin/tracks/:trackId', element: <TrackPage /> },
  { path: '/admin/tracks/:trackId/modules/:moduleId/questions', element: <QuestionBankPage /> },
  { path: '/admin/tracks/:trackId/modules/:moduleId/item-statistics', element: <ItemStatisticsPage /> },
  { path: '/admin/questions/:questionId', element: <QuestionPage /> },
  { path: '/admin/articles', element: <ArticlesPage /> },
  { path: '/admin/articles/new', element: <NewArticlePage /> },
  { path: '/admin/articles/:articleId', element: <ArticlePage /> },
];
