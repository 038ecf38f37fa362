import type { ExamResult, ExamStarted } from '@contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '@shared/api/api-context';
import { examCalls, examKeys, type ExamKind } from '@shared/api/exams';
import { useModuleNames } from '@shared/api/module-names';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { approvalKeys } from '@shared/api/approvals';
import { progressKeys } from '@shared/api/progress';
import { Button } from '@shared/ui/button';
import { ModuleStats } from '@shared/ui/module-stats';
import styles from '@shared/ui/page.module.css';
import { ErrorState, Notice } from '@shared/ui/states';
import { sittingCalls } from '@shared/api/sittings';
import { SittingRunner } from '@shared/ui/sitting-runner';

/**
 * A level exam or a rank final: start (the API resumes an open attempt with its questions in order and its saved
 * choices), answer — each choice autosaved, a timed attempt counting down — confirm, then the result with
 * per-module stats and what happened to the learner's stage.
 */
export function ExamPage({ kind }: { kind: ExamKind }) {
  const { t } = useTranslation();
  const http = useApi();
  const moduleName = useModuleNames();
  const [attempt, setAttempt] = useState<ExamStarted | null>(null);
  const [result, setResult] = useState<ExamResult | null>(null);
  const start = useInvalidatingMutation(() => examCalls.start(http, kind), [examKeys.attempts(kind)], {
    onSuccess: (started) => {
      setResult(null);
      setAttempt(started);
    },
  });
  const submit = useInvalidatingMutation(
    (answers: Parameters<typeof examCalls.submit>[3]['answers']) =>
      examCalls.submit(http, kind, attempt!.attempt_id, { answers }),
    [examKeys.all, progressKeys.all, approvalKeys.all],
    {
      onSuccess: (outcome) => {
        setAttempt(null);
        setResult(outcome);
      },
    },
  );
  const title = t(kind === 'level' ? 'exam.level.title' : 'exam.rankFinal.title');

  return (
    <>
      <h1>{title}</h1>
      {result !== null ? (
        <section className={styles.card} aria-labelledby="exam-result">
          <h2 id="exam-result">
            {t(result.passed ? 'exam.passed' : 'exam.failed', {
              score: result.score_total,
              total: result.total_q,
              pass: result.pass_score,
            })}
          </h2>
          {result.expired && <Notice>{t('sitting.expired')}</Notice>}
          <Notice>{t(`exam.action.${result.progress.action}`)}</Notice>
          <ModuleStats stats={result.module_stats} moduleName={moduleName} />
          <div className={styles.row}>
            <Link className={styles.linkButton} to="/">
              {t('exam.toDashboard')}
            </Link>
            {!result.passed && (
              <Button variant="secondary" onPress={() => start.mutate(undefined)}>
                {t('exam.retry')}
              </Button>
            )}
          </div>
        </section>
      ) : attempt === null ? (
        <section className={styles.card}>
          {start.error !== null && <ErrorState error={start.error} />}
          {start.error?.code === 'not_eligible' && <p>{t('exam.notEligible')}</p>}
          <Button onPress={() => start.mutate(undefined)} isDisabled={start.isPending}>
            {t('exam.start')}
          </Button>
        </section>
      ) : (
        <>
          <p>
            {t('exam.attempt', { n: attempt.attempt_no })} ·{' '}
            {t('exam.intro', { total: attempt.total_q, pass: attempt.pass_score })}
          </p>
          <SittingRunner
            key={attempt.attempt_id}
            questions={attempt.questions}
            deadlineAt={attempt.deadline_at}
            serverNow={attempt.now}
            save={(answers) => sittingCalls.saveExam(http, kind, attempt.attempt_id, { answers })}
            isSubmitting={submit.isPending}
            submitError={submit.error}
            onSubmit={(answers) => submit.mutate(answers)}
          />
        </>
      )}
    </>
  );
}
