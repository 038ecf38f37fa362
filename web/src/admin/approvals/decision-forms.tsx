import { useState } from 'react';
import { FieldError, Form, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useApi } from '@shared/api/api-context';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { Button } from '@shared/ui/button';
import { ErrorState } from '@shared/ui/states';
import fieldStyles from '@shared/ui/text-field.module.css';
import { adminApprovalCalls, adminApprovalKeys } from './approvals.api';

/** Approve (optional comment) or reject (comment required) a pending request. */
export function DecisionForms({ requestId }: { requestId: number }) {
  const { t } = useTranslation();
  const http = useApi();
  const [comment, setComment] = useState('');
  const invalidates = [adminApprovalKeys.all];
  const approve = useInvalidatingMutation(() => adminApprovalCalls.approve(http, requestId, comment), invalidates);
  const reject = useInvalidatingMutation(() => adminApprovalCalls.reject(http, requestId, comment), invalidates);
  const failed = approve.error ?? reject.error;
  const commentError = failed?.fieldErrors().comment;
  const busy = approve.isPending || reject.isPending;
  return (
    <Form
      onSubmit={(event) => {
        event.preventDefault();
        reject.mutate();
      }}
    >
      <h2>{t('admin.approvals.decide')}</h2>
      {failed !== null && commentError === undefined && <ErrorState error={failed} />}
      <TextField
        className={fieldStyles.field}
        name="comment"
        value={comment}
        onChange={setComment}
        isInvalid={commentError !== undefined ? true : undefined}
        validationBehavior="aria"
      >
        <Label className={fieldStyles.label}>{t('admin.approvals.comment')}</Label>
        <TextArea className={fieldStyles.input} rows={3} maxLength={2000} />
        <Text slot="description" className={fieldStyles.description}>
          {t('admin.approvals.commentHint')}
        </Text>
        <FieldError className={fieldStyles.error}>{commentError}</FieldError>
      </TextField>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--space-3)' }}>
        <Button onPress={() => approve.mutate()} isDisabled={busy}>
          {t('admin.approvals.approve')}
        </Button>
        <Button type="submit" variant="danger" isDisabled={busy || comment.trim() === ''}>
          {t('admin.approvals.reject')}
        </Button>
      </div>
    </Form>
  );
}
