import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { adminCatalogKeys, adminCatalogQueries } from '@shared/api/admin-catalog';
import { useApi } from '@shared/api/api-context';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { Button } from '@shared/ui/button';
import { ConfirmDialog } from '@shared/ui/confirm-dialog';
import styles from '@shared/ui/page.module.css';
import { ErrorState, Notice, QueryView } from '@shared/ui/states';
import { ItemStatisticsView } from './item-statistics-view';
import { QuestionTextForm } from './question-text-form';
import { adminQuestionCalls, adminQuestionQueries } from './questions.api';

/** One question: its options and key, where it was used, its wording, (de)activation and its item analysis. */
export function QuestionPage() {
  const { t } = useTranslation();
  const http = useApi();
  const questionId = Number(useParams().questionId);
  const question = useQuery(adminQuestionQueries.question(http, questionId));
  const tracks = useQuery(adminCatalogQueries.tracks(http));
  const setActive = useInvalidatingMutation(
    (isActive: boolean) => adminQuestionCalls.edit(http, questionId, { is_active: isActive }),
    [adminCatalogKeys.all],
  );
  return (
    <QueryView query={question}>
      {(q) => {
        const module = tracks.data?.flatMap((track) => track.modules).find((m) => m.id === q.module_id);
        return (
          <>
            {module !== undefined && (
              <p>
                <Link to={`/admin/tracks/${module.track_id}/modules/${module.id}/questions`}>
                  {t('admin.questions.backToBank', { name: module.name })}
                </Link>
              </p>
            )}
            <h1>
              {t('admin.questions.title', { id: q.id })} —{' '}
              {q.is_active ? t('admin.questions.active') : t('admin.questions.inactive')}
            </h1>
            <section className={styles.card} aria-labelledby="question-options">
              <h2 id="question-options">{q.text}</h2>
              <ol>
                {q.options.map((option) => (
                  <li key={option.id}>
                    {option.text}
                    {option.id === q.correct_option_id && <strong> ({t('admin.stats.key')})</strong>}
                  </li>
                ))}
              </ol>
              <p className={styles.muted}>
                {t('admin.questions.usage', {
                  attempts: q.usage.diagnostika + q.usage.level_exam + q.usage.rank_final,
                  minitests: q.usage.minitests,
                })}
              </p>
            </section>
            <section className={styles.card} aria-labelledby="question-wording">
              <h2 id="question-wording">{t('admin.questions.edit')}</h2>
              <QuestionTextForm question={q} />
            </section>
            <section className={styles.card} aria-labelledby="question-state">
              <h2 id="question-state">{t('admin.questions.state')}</h2>
              {setActive.error !== null && <ErrorState error={setActive.error} />}
              {setActive.isSuccess && (
                <Notice>{q.is_active ? t('admin.questions.activated') : t('admin.questions.deactivated')}</Notice>
              )}
              {q.is_active ? (
                <ConfirmDialog
                  trigger={t('admin.questions.deactivate')}
                  title={t('admin.questions.deactivateTitle', { id: q.id })}
                  confirmLabel={t('admin.questions.deactivate')}
                  onConfirm={() => setActive.mutate(false)}
                  isDisabled={setActive.isPending}
                >
                  <p>{t('admin.questions.deactivateBody')}</p>
                </ConfirmDialog>
              ) : (
                <Button onPress={() => setActive.mutate(true)} isDisabled={setActive.isPending}>
                  {t('admin.questions.activate')}
                </Button>
              )}
            </section>
            {q.statistics !== undefined && (
              <section className={styles.card} aria-labelledby="question-statistics">
                <h2 id="question-statistics">{t('admin.stats.ofQuestion')}</h2>
                <ItemStatisticsView
                  statistics={q.statistics}
                  caption={t('admin.stats.optionsCaption')}
                  optionText={(id) => q.options.find((o) => o.id === id)?.text}
                />
              </section>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
