import type { AdminArticle } from '@contract';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminCatalogKeys, adminCatalogQueries } from '@shared/api/admin-catalog';
import { useApi } from '@shared/api/api-context';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { Button } from '@shared/ui/button';
import styles from '@shared/ui/page.module.css';
import { Empty, ErrorState, Loading, Notice } from '@shared/ui/states';
import { adminArticleCalls } from './articles.api';
import local from './articles.module.css';

const MINITEST_SIZE = 3;

/**
 * The minitest of a required article: exactly three active questions of its module, in the order ticked
 * (docs/product.md, "Domain model"). The server checks every rule; each problem it lists is shown under the
 * choices, which it describes.
 */
export function MinitestEditor({ article }: { article: AdminArticle }) {
  const { t } = useTranslation();
  const http = useApi();
  const errorId = useId();
  const [chosen, setChosen] = useState<number[]>(article.minitest_question_ids);
  const bank = useInfiniteQuery(adminCatalogQueries.questions(http, article.module_id));
  const save = useInvalidatingMutation(
    () => adminArticleCalls.setMinitest(http, article.id, chosen),
    [adminCatalogKeys.all],
  );
  const questions = bank.data?.pages.flatMap((page) => page.items) ?? [];
  const shown = questions.filter((q) => q.is_active || chosen.includes(q.id));
  const problems = save.error?.errors.map((item) => item.message) ?? [];
  const toggle = (id: number) => setChosen(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);

  return (
    <>
      {save.error !== null && problems.length === 0 && <ErrorState error={save.error} />}
      {save.isSuccess && <Notice>{t('admin.minitest.saved')}</Notice>}
      {bank.isPending ? (
        <Loading />
      ) : bank.isError ? (
        <ErrorState error={bank.error} />
      ) : shown.length === 0 ? (
        <Empty>{t('admin.minitest.noQuestions')}</Empty>
      ) : (
        <fieldset className={local.fieldset} aria-describedby={problems.length > 0 ? errorId : undefined}>
          <legend>{t('admin.minitest.choose', { count: chosen.length })}</legend>
          {shown.map((question) => (
            <label key={question.id} className={local.choice}>
              <input type="checkbox" checked={chosen.includes(question.id)} onChange={() => toggle(question.id)} />
              {chosen.includes(question.id) && <strong>{chosen.indexOf(question.id) + 1}.</strong>}
              {question.text}
              {!question.is_active && <span className={styles.muted}> ({t('admin.minitest.inactive')})</span>}
            </label>
          ))}
          {problems.length > 0 && (
            <ul id={errorId} className={local.fieldError} role="alert">
              {problems.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </fieldset>
      )}
      {bank.hasNextPage && (
        <Button variant="secondary" onPress={() => void bank.fetchNextPage()} isDisabled={bank.isFetchingNextPage}>
          {t('admin.minitest.more')}
        </Button>
      )}
      <p className={styles.row}>
        <Button onPress={() => save.mutate()} isDisabled={save.isPending || bank.data === undefined}>
          {t('admin.minitest.save')}
        </Button>
        <span className={styles.muted}>{t('admin.minitest.rule', { count: MINITEST_SIZE })}</span>
      </p>
    </>
  );
}
