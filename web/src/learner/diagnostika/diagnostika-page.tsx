import type { DiagnostikaStarted } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '@shared/api/api-context';
import { diagnostikaCalls, diagnostikaKeys, diagnostikaQueries } from '@shared/api/diagnostika';
import { useModuleNames } from '@shared/api/module-names';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { progressKeys, progressQueries } from '@shared/api/progress';
import { Button } from '@shared/ui/button';
import { ModuleStats } from '@shared/ui/module-stats';
import styles from '@shared/ui/page.module.css';
import { ErrorState, Notice, QueryView } from '@shared/ui/states';
import { sittingCalls } from '@shared/api/sittings';
import { SittingRunner } from '@shared/ui/sitting-runner';

export function DiagnostikaPage() {
  const { t } = useTranslation();
  const http = useApi();
  // Evidence in the weakness profile means the diagnostika was submitted: only then is there a result
  // to read (asking earlier would be a 404 by design).
  const weakness = useQuery(progressQueries.weakness(http));
  const taken = weakness.data?.modules.some((module) => module.total > 0) ?? false;
  const fetched = useQuery({ ...diagnostikaQueries.result(http), enabled: taken });
  const result = taken ? fetched : { ...weakness, data: weakness.data === undefined ? undefined : null };
  const moduleName = useModuleNames();
  const [started, setStarted] = useState<DiagnostikaStarted | null>(null);
  const start = useInvalidatingMutation(() => diagnostikaCalls.start(http), [], { onSuccess: setStarted });
  const submit = useInvalidatingMutation(
    (answers: Parameters<typeof diagnostikaCalls.submit>[1]['answers']) =>
      diagnostikaCalls.submit(http, { diagnostika_id: started!.diagnostika_id, answers }),
    [diagnostikaKeys.all, progressKeys.all],
    { onSuccess: () => setStarted(null) },
  );
  return (
    <>
      <h1>{t('diagnostika.title')}</h1>
      <QueryView query={result}>
        {(done) =>
          done !== null ? (
            <section className={styles.card} aria-labelledby="diagnostika-done">
              <h2 id="diagnostika-done">{t('diagnostika.done')}</h2>
              {done.expired && <Notice>{t('sitting.expired')}</Notice>}
              <p>{t('diagnostika.score', { score: done.score_total, total: done.total_q })}</p>
              <ModuleStats stats={done.module_stats} moduleName={moduleName} />
              <p>
                <Link className={styles.linkButton} to="/reading">
                  {t('diagnostika.toReading')}
                </Link>
              </p>
            </section>
          ) : started === null ? (
            <section className={styles.card}>
              <p>{t('diagnostika.intro')}</p>
              {start.error !== null && <ErrorState error={start.error} />}
              <Button onPress={() => start.mutate(undefined)} isDisabled={start.isPending}>
                {t('diagnostika.start')}
              </Button>
            </section>
          ) : (
            <SittingRunner
              key={started.diagnostika_id}
              questions={started.questions}
              deadlineAt={started.deadline_at}
              serverNow={started.now}
              save={(answers) => sittingCalls.saveDiagnostika(http, { answers })}
              isSubmitting={submit.isPending}
              submitError={submit.error}
              onSubmit={(answers) => submit.mutate(answers)}
            />
          )
        }
      </QueryView>
    </>
  );
}
