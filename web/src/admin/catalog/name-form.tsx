import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '@shared/api/api-error';
import { formErrors } from '@shared/api/form-errors';
import { Button } from '@shared/ui/button';
import styles from '@shared/ui/page.module.css';
import { ErrorState } from '@shared/ui/states';
import { TextField } from '@shared/ui/text-field';

/**
 * One name to create or rename something: a blank or taken name is reported at the field. A create form empties
 * itself after success (`clearOnSuccess`), ready for the next one.
 */
export function NameForm({
  formLabel,
  label,
  submitLabel,
  initial = '',
  clearOnSuccess = false,
  mutation,
  onDone,
}: {
  formLabel: string;
  label: string;
  submitLabel: string;
  initial?: string;
  clearOnSuccess?: boolean;
  mutation: UseMutationResult<unknown, ApiError, string>;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  const [blank, setBlank] = useState(false);
  const { fields, unclaimed } = formErrors(mutation.error, 'name');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBlank(name.trim() === '');
    if (name.trim() === '') return;
    mutation.mutate(name.trim(), {
      onSuccess: () => {
        if (clearOnSuccess) setName('');
        onDone?.();
      },
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={formLabel}>
      {unclaimed !== null && <ErrorState error={unclaimed} />}
      <TextField
        label={label}
        name="name"
        value={name}
        onChange={setName}
        maxLength={200}
        serverError={blank ? t('admin.catalog.nameRequired') : fields.name}
      />
      <div className={styles.row}>
        <Button type="submit" isDisabled={mutation.isPending}>
          {submitLabel}
        </Button>
        {onDone !== undefined && (
          <Button variant="secondary" onPress={onDone}>
            {t('action.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
