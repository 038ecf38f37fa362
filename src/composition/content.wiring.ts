import type { ContentUseCases } from '../adapters/http/content/content.router.js';
import { assignContent } from '../application/content/assign-content.use-case.js';
import { getMinitest, submitMinitest } from '../application/content/minitest.use-case.js';
import { getArticle, listMyContent, markArticleRead } from '../application/content/reading.use-case.js';
import type { ProgressServices } from './progress.wiring.js';
import type { WiringContext } from './wiring-context.js';

export function contentUseCases({ transactor, repos }: WiringContext, progress: ProgressServices): ContentUseCases {
  const { stages, pinnedSettings, diagnostika, assignments } = repos;
  const deps = { transactor, assignments };
  return {
    assign: assignContent({
      transactor,
      stages,
      pinnedSettings,
      diagnostika,
      assignments,
      weakness: progress.weakness,
    }),
    listMine: listMyContent(deps),
    getArticle: getArticle(deps),
    markRead: markArticleRead(deps),
    getMinitest: getMinitest(deps),
    submitMinitest: submitMinitest(deps),
  };
}
