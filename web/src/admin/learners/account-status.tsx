import type { AdminLearner } from '@contract';
import { useTranslation } from 'react-i18next';
import { useApi } from '@shared/api/api-context';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { ConfirmDialog } from '@shared/ui/confirm-dialog';
import { ErrorState, Notice } from '@shared/ui/states';
import { adminLearnerCalls, adminLearnerKeys } from './learners.api';

/**
 * Whether the learner may log in, and the switch behind a confirmation: deactivation ends every session of
 * theirs at once and reactivation does not bring them back (docs/decisions.md, "Sessions for browser
 * clients"). The answer refreshes the detail and every search.
 */
export function AccountStatus({ learner }: { learner: AdminLearner }) {
  const { t } = useTranslation();
  const http = useApi();
  const toggle = useInvalidatingMutation(
    (isActive: boolean) => adminLearnerCalls.update(http, learner.id, { is_active: isActive }),
    [adminLearnerKeys.all],
  );
  const name = learner.full_name;
  return (
    <>
      <p>{learner.is_active ? t('admin.learner.isActive') : t('admin.learner.isInactive')}</p>
      {toggle.isSuccess && (
        <Notice>{toggle.variables ? t('admin.learner.reactivated') : t('admin.learner.deactivated')}</Notice>
      )}
      {toggle.isError && <ErrorState error={toggle.error} />}
      {learner.is_active ? (
        <ConfirmDialog
          trigger={t('admin.learner.deactivate')}
          title={t('admin.learner.deactivateTitle', { name })}
          confirmLabel={t('admin.learner.deactivate')}
          onConfirm={() => toggle.mutate(false)}
          isDisabled={toggle.isPending}
        >
          <p>{t('admin.learner.deactivateBody')}</p>
        </ConfirmDialog>
      ) : (
        <ConfirmDialog
          trigger={t('admin.learner.reactivate')}
          title={t('admin.learner.reactivateTitle', { name })}
          confirmLabel={t('admin.learner.reactivate')}
          onConfirm={() => toggle.mutate(true)}
          isDisabled={toggle.isPending}
        >
          <p>{t('admin.learner.reactivateBody')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
