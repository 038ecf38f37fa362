import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { adminCatalogKeys } from '@shared/api/admin-catalog';
import { useApi } from '@shared/api/api-context';
import { formErrors } from '@shared/api/form-errors';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { Button } from '@shared/ui/button';
import styles from '@shared/ui/page.module.css';
import { SelectField } from '@shared/ui/select-field';
import { ErrorState, Notice } from '@shared/ui/states';
import { TextAreaField } from '@shared/ui/text-area-field';
import { TextField } from '@shared/ui/text-field';
import local from './questions.module.css';
import { adminQuestionCalls } from './questions.api';

const MIN_OPTIONS = 2;
const MAX_OPTIONS = 4;

/**
 * A new question: its text, 2-4 options and which one is correct (docs/product.md, "Domain model"). The server
 * checks every rule; each problem it reports is shown at the field it names.
 */
export function NewQuestionForm({ moduleId }: { moduleId: number }) {
  const { t } = useTranslation();
  const http = useApi();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<string[]>(['', '']);
  const [correct, setCorrect] = useState<string>('');
  const create = useInvalidatingMutation(
    () =>
      adminQuestionCalls.create(http, moduleId, {
        text,
        options,
        correct_option_pos: Number(correct),
      }),
    [adminCatalogKeys.all],
    {
      onSuccess: () => {
        setText('');
        setOptions(['', '']);
        setCorrect('');
      },
    },
  );
  const [noCorrect, setNoCorrect] = useState(false);
  const { fields, unclaimed } = formErrors(create.error, 'text');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setNoCorrect(correct === '');
    if (correct !== '') create.mutate();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('admin.questions.new')}>
      {unclaimed !== null && <ErrorState error={unclaimed} />}
      {create.isSuccess && (
        <Notice>
          {t('admin.questions.added')}{' '}
          <Link to={`/admin/questions/${create.data.id}`}>{t('admin.questions.openAdded')}</Link>
        </Notice>
      )}
      <TextAreaField
        label={t('admin.questions.text')}
        name="text"
        value={text}
        onChange={setText}
        rows={3}
        maxLength={2000}
        error={fields.text}
      />
      <fieldset className={local.fieldset}>
        <legend>{t('admin.questions.options')}</legend>
        {fields.options !== undefined && (
          <p className={local.fieldError} role="alert">
            {fields.options}
          </p>
        )}
        {options.map((option, index) => (
          // Options are positional: the index is their identity.
          <div key={index} className={styles.row}>
            <TextField
              label={t('admin.questions.option', { pos: index + 1 })}
              name={`option-${index + 1}`}
              value={option}
              onChange={(value) => setOptions(options.map((o, i) => (i === index ? value : o)))}
              maxLength={1000}
              serverError={fields[`options.${index}`]}
            />
            {options.length > MIN_OPTIONS && (
              <Button
                variant="secondary"
                onPress={() => {
                  setOptions(options.filter((_, i) => i !== index));
                  setCorrect('');
                }}
              >
                {t('admin.questions.removeOption', { pos: index + 1 })}
              </Button>
            )}
          </div>
        ))}
        {options.length < MAX_OPTIONS && (
          <Button variant="secondary" onPress={() => setOptions([...options, ''])}>
            {t('admin.questions.addOption')}
          </Button>
        )}
      </fieldset>
      <SelectField
        label={t('admin.questions.correct')}
        value={correct}
        placeholder={t('admin.questions.chooseCorrect')}
        options={options.map((_, index) => ({
          value: String(index + 1),
          label: t('admin.questions.option', { pos: index + 1 }),
        }))}
        onChange={setCorrect}
        error={noCorrect ? t('admin.questions.correctRequired') : fields.correct_option_pos}
      />
      <Button type="submit" isDisabled={create.isPending}>
        {t('admin.questions.add')}
      </Button>
    </form>
  );
}
