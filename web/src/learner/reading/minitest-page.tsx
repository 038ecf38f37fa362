import type { MinitestResult } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '@shared/api/api-context';
import { contentCalls, contentKeys, contentQueries } from '@shared/api/content';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { progressKeys } from '@shared/api/progress';
import { Button } from '@shared/ui/button';
import { Notice, QueryView } from '@shared/ui/states';
import { QuestionRunner } from '@shared/ui/question-runner';

export function MinitestPage() {
  const { t } = useTranslation();
  const http = useApi();
  const articleId = Number(useParams().articleId);
  const article = useQuery(contentQueries.article(http, articleId));
  const minitest = useQuery(contentQueries.minitest(http, articleId));
  const [result, setResult] = useState<MinitestResult | null>(null);
  const [round, setRound] = useState(0);
  const submit = useInvalidatingMutation(
    (answers: Parameters<typeof contentCalls.submitMinitest>[2]['answers']) =>
      contentCalls.submitMinitest(http, articleId, { answers }),
    [contentKeys.mine(), progressKeys.all],
    { onSuccess: setResult },
  );
  return (
    <>
      <p>
        <Link to={`/reading/${articleId}`}>{t('action.back')}</Link>
      </p>
      <h1>{t('minitest.title', { title: article.data?.title ?? '' })}</h1>
      {result !== null ? (
        result.passed ? (
          <Notice>
            {t('minitest.passed', { correct: result.correct_cnt, total: result.total_cnt })}{' '}
            <Link to="/reading">{t('article.toList')}</Link>
          </Notice>
        ) : (
          <>
            <p role="status">{t('minitest.failed', { correct: result.correct_cnt, total: result.total_cnt })}</p>
            <Button
              onPress={() => {
                setResult(null);
                setRound(round + 1);
              }}
            >
              {t('minitest.retry')}
            </Button>
          </>
        )
      ) : (
        <QueryView query={minitest}>
          {(test) => (
            <QuestionRunner
              key={round}
              questions={test.questions}
              isSubmitting={submit.isPending}
              submitError={submit.error}
              onSubmit={(answers) => submit.mutate(answers)}
            />
          )}
        </QueryView>
      )}
    </>
  );
}
