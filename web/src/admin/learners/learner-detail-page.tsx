import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '@shared/api/api-context';
import styles from '@shared/ui/page.module.css';
import { QueryView } from '@shared/ui/states';
import { AccountStatus } from './account-status';
import { ExtraTime } from './extra-time';
import { LearnerApprovals } from './learner-approvals';
import { LearnerAttempts } from './learner-attempts';
import { LearnerStages } from './learner-stages';
import { LearnerWeakness } from './learner-weakness';
import { adminLearnerQueries } from './learners.api';
import { currentStageText } from './stage-name';

/** Everything about one learner: profile, account, stages, weakness, exam attempts with their assembly, approvals. */
export function LearnerDetailPage() {
  const { t, i18n } = useTranslation();
  const http = useApi();
  const userId = Number(useParams().userId);
  const detail = useQuery(adminLearnerQueries.detail(http, userId));
  const tracks = useQuery(adminLearnerQueries.tracks(http));
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <p>
        <Link to="/admin/learners">{t('admin.learner.back')}</Link>
      </p>
      <QueryView query={detail}>
        {(learner) => {
          const { profile } = learner;
          const modules = tracks.data?.find((track) => track.id === profile.track_id)?.modules ?? [];
          const moduleName = (id: number) => modules.find((module) => module.id === id)?.name;
          return (
            <>
              <h1>{profile.full_name}</h1>
              <section className={styles.card} aria-label={profile.full_name}>
                <p>
                  {profile.email} · {t('admin.learner.trackOf', { track: profile.track_name })}
                </p>
                <p>{currentStageText(t, profile)}</p>
                <p className={styles.muted}>
                  {t('admin.learner.joinedAt', { at: date.format(new Date(profile.created_at)) })}
                  {profile.graduated_at !== null &&
                    ` · ${t('admin.learner.graduatedAt', { at: date.format(new Date(profile.graduated_at)) })}`}
                </p>
              </section>
              {/* The account's settings, one control each: activation here, accommodations beside it. */}
              <section className={styles.card}>
                <h2>{t('admin.learner.accountTitle')}</h2>
                <AccountStatus learner={profile} />
                <ExtraTime learner={profile} />
              </section>
              <LearnerStages stages={learner.stages} />
              <LearnerWeakness diagnostika={learner.diagnostika} />
              <LearnerAttempts attempts={learner.attempts} stages={learner.stages} moduleName={moduleName} />
              <LearnerApprovals approvals={learner.approvals} />
            </>
          );
        }}
      </QueryView>
    </>
  );
}
