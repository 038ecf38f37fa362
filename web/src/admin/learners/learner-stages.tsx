import type { AdminLearnerDetail } from '@contract';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import styles from '@shared/ui/page.module.css';
import { ScrollRegion } from '@shared/ui/scroll-region';
import { stageName } from './stage-name';

/** The learner's ladder so far: each stage row with its status and the settings version pinned on it. */
export function LearnerStages({ stages }: { stages: AdminLearnerDetail['stages'] }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.learner.stages')}</h2>
      <ScrollRegion label={t('admin.learner.stages')}>
        <table className={styles.table} aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('admin.learner.stageCol')}</th>
              <th scope="col">{t('admin.learner.statusCol')}</th>
              <th scope="col">{t('admin.learner.settingsCol')}</th>
              <th scope="col">{t('admin.learner.startedCol')}</th>
              <th scope="col">{t('admin.learner.completedCol')}</th>
            </tr>
          </thead>
          <tbody>
            {stages.map((stage) => (
              <tr key={stage.stage_id}>
                <td>{stageName(t, stage)}</td>
                <td>{t(`admin.learners.stageStatus.${stage.status}`)}</td>
                <td>{t('admin.learner.settingsVersionNo', { no: stage.settings_version_no })}</td>
                <td>{date.format(new Date(stage.activated_at))}</td>
                <td>{stage.completed_at === null ? '—' : date.format(new Date(stage.completed_at))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
