import type { SettingsOverrides, SettingsVersion, TrackSettingsValues } from '@contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminCatalogKeys } from '@shared/api/admin-catalog';
import { useApi } from '@shared/api/api-context';
import { isApiError } from '@shared/api/api-error';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { Button } from '@shared/ui/button';
import { ConfirmDialog } from '@shared/ui/confirm-dialog';
import styles from '@shared/ui/page.module.css';
import local from './settings.module.css';
import { ErrorState, Notice } from '@shared/ui/states';
import fieldStyles from '@shared/ui/text-field.module.css';
import { ruleErrorsByField } from './rule-errors';
import { adminSettingsCalls, adminSettingsKeys } from './settings.api';
import { SettingsNumberField } from './settings-field';

type Field = keyof TrackSettingsValues;
type Draft = Record<Field, string>;

const toDraft = (settings: TrackSettingsValues): Draft =>
  Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v)])) as Draft;

/**
 * A settings version's every tunable. A draft is editable: Save sends all values and the server checks every
 * consistency rule; a 422 puts each violated rule at the field it names. Activate and archive confirm first.
 */
export function SettingsEditor({ version }: { version: SettingsVersion }) {
  const { t } = useTranslation();
  const http = useApi();
  const [values, setValues] = useState<Draft>(() => toDraft(version.settings));
  const [note, setNote] = useState(version.note ?? '');
  const [notInteger, setNotInteger] = useState<Field[]>([]);
  const invalidates = [adminSettingsKeys.all, adminCatalogKeys.all];
  const save = useInvalidatingMutation(
    (settings: SettingsOverrides) => adminSettingsCalls.edit(http, version.id, { note, settings }),
    invalidates,
  );
  const activate = useInvalidatingMutation(() => adminSettingsCalls.activate(http, version.id), invalidates);
  const archive = useInvalidatingMutation(() => adminSettingsCalls.archive(http, version.id), invalidates);
  const failed = save.error ?? activate.error ?? archive.error;
  const rules = ruleErrorsByField(failed);
  const isDraft = version.status === 'draft';
  const fields = Object.keys(version.settings) as Field[];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const wrong = fields.filter((f) => f !== 'weakness_metric' && !/^\d+$/.test(values[f].trim()));
    setNotInteger(wrong);
    if (wrong.length > 0) return;
    const settings = Object.fromEntries(
      fields.map((f) => [f, f === 'weakness_metric' ? values[f] : Number(values[f])]),
    ) as SettingsOverrides;
    activate.reset();
    save.mutate(settings);
  }

  const errorsOf = (field: Field): string[] | undefined => {
    const messages = [
      ...(notInteger.includes(field) ? [t('admin.settings.wholeNumber')] : []),
      ...(rules[field] ?? []),
    ];
    return messages.length === 0 ? undefined : messages;
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('admin.settings.formLabel', { no: version.version_no })}>
      {failed !== null && isApiError(failed) && <ErrorState error={failed} />}
      {rules[''] !== undefined && (
        <ul role="alert">
          {rules['']!.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {save.isSuccess && !save.isPending && failed === null && <Notice>{t('admin.settings.saved')}</Notice>}
      <div className={fieldStyles.field}>
        <label className={fieldStyles.label} htmlFor="settings-note">
          {t('admin.settings.note')}
        </label>
        <input
          id="settings-note"
          className={fieldStyles.input}
          value={note}
          readOnly={!isDraft}
          maxLength={500}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <div className={local.grid}>
        {fields.map((field) =>
          field === 'weakness_metric' ? (
            <div key={field} className={fieldStyles.field}>
              <label className={fieldStyles.label} htmlFor="settings-weakness-metric">
                {t('admin.settings.field.weakness_metric')}
              </label>
              <select
                id="settings-weakness-metric"
                className={fieldStyles.input}
                value={values[field]}
                disabled={!isDraft}
                onChange={(event) => setValues({ ...values, [field]: event.target.value })}
              >
                <option value="errors">{t('admin.settings.metric.errors')}</option>
                <option value="error_rate">{t('admin.settings.metric.error_rate')}</option>
              </select>
            </div>
          ) : (
            <SettingsNumberField
              key={field}
              name={field}
              label={t(`admin.settings.field.${field}`)}
              value={values[field]}
              errors={errorsOf(field)}
              isReadOnly={!isDraft}
              onChange={(value) => setValues({ ...values, [field]: value })}
            />
          ),
        )}
      </div>
      {isDraft && (
        <div className={styles.row}>
          <Button type="submit" isDisabled={save.isPending}>
            {t('admin.settings.save')}
          </Button>
          <ConfirmDialog
            trigger={t('admin.settings.activate')}
            title={t('admin.settings.activateTitle', { no: version.version_no })}
            confirmLabel={t('admin.settings.activate')}
            onConfirm={() => {
              save.reset();
              activate.mutate();
            }}
            isDisabled={activate.isPending}
          >
            <p>{t('admin.settings.activateBody')}</p>
          </ConfirmDialog>
          <Button variant="secondary" onPress={() => archive.mutate()} isDisabled={archive.isPending}>
            {t('admin.settings.archive')}
          </Button>
        </div>
      )}
    </form>
  );
}
