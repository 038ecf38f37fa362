import type { AdminLearner } from '@contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '@shared/api/api-context';
import { formErrors } from '@shared/api/form-errors';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { Button } from '@shared/ui/button';
import { ErrorState, Notice } from '@shared/ui/states';
import { TextField } from '@shared/ui/text-field';
import { adminLearnerCalls, adminLearnerKeys } from './learners.api';
import local from './learners.module.css';

/**
 * Extra time as an accommodation (docs/product.md, "Exam sittings"): a percentage of every time limit, 0 to 400,
 * for attempts the learner starts afterwards. The server checks the range; its message shows at the field.
 */
export function ExtraTime({ learner }: { learner: AdminLearner }) {
  const { t } = useTranslation();
  const http = useApi();
  const [value, setValue] = useState(String(learner.extra_time_pct));
  const save = useInvalidatingMutation(
    (pct: number) => adminLearnerCalls.update(http, learner.id, { extra_time_pct: pct }),
    [adminLearnerKeys.all],
  );
  const errors = formErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Not a number travels as null (JSON has no NaN): the server's rule is the one the admin reads.
    save.mutate(value.trim() === '' ? Number.NaN : Number(value));
  };
  return (
    <form className={local.extraTime} onSubmit={submit} noValidate>
      <TextField
        label={t('admin.learner.extraTime')}
        name="extra_time_pct"
        description={t('admin.learner.extraTimeHint')}
        value={value}
        onChange={setValue}
        serverError={errors.fields.extra_time_pct}
      />
      <Button type="submit" variant="secondary" isDisabled={save.isPending}>
        {t('admin.learner.extraTimeSave')}
      </Button>
      {save.isSuccess && <Notice>{t('admin.learner.extraTimeSaved', { pct: save.variables })}</Notice>}
      {errors.unclaimed !== null && <ErrorState error={errors.unclaimed} />}
    </form>
  );
}
