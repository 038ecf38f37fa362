import type { AdminQuestion } from '@contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminCatalogKeys } from '@shared/api/admin-catalog';
import { useApi } from '@shared/api/api-context';
import { formErrors } from '@shared/api/form-errors';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { Button } from '@shared/ui/button';
import { ErrorState, Notice } from '@shared/ui/states';
import { TextAreaField } from '@shared/ui/text-area-field';
import { adminQuestionCalls } from './questions.api';

/**
 * Rewording a question. Its text is frozen once an attempt has shown it (docs/product.md, "Domain model"): then
 * the server's refusal is shown at the field, with the way out (deactivate it, add a new one).
 */
export function QuestionTextForm({ question }: { question: AdminQuestion }) {
  const { t } = useTranslation();
  const http = useApi();
  const [text, setText] = useState(question.text);
  const save = useInvalidatingMutation(
    () => adminQuestionCalls.edit(http, question.id, { text }),
    [adminCatalogKeys.all],
  );
  const failed = save.error;
  const { fields, unclaimed } = formErrors(failed, 'text');
  const textError = failed?.code === 'question_in_use' ? failed.detail : fields.text;
  const attempts = question.usage.diagnostika + question.usage.level_exam + question.usage.rank_final;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('admin.questions.edit')}>
      {unclaimed !== null && failed?.code !== 'question_in_use' && <ErrorState error={unclaimed} />}
      {save.isSuccess && <Notice>{t('admin.questions.saved')}</Notice>}
      <TextAreaField
        label={t('admin.questions.text')}
        name="text"
        value={text}
        onChange={setText}
        rows={3}
        maxLength={2000}
        description={attempts > 0 ? t('admin.questions.frozen', { count: attempts }) : undefined}
        error={textError}
      />
      <Button type="submit" isDisabled={save.isPending || text === question.text}>
        {t('admin.questions.saveText')}
      </Button>
    </form>
  );
}
