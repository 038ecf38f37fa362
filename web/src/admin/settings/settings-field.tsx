import { FieldError, Input, Label, TextField } from 'react-aria-components';
import fieldStyles from '@shared/ui/text-field.module.css';

/** One numeric setting; every rule it violates is listed at the field and announced with it. */
export function SettingsNumberField({
  name,
  label,
  value,
  errors,
  isReadOnly,
  onChange,
}: {
  name: string;
  label: string;
  value: string;
  errors: readonly string[] | undefined;
  isReadOnly: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      className={fieldStyles.field}
      name={name}
      value={value}
      onChange={onChange}
      isReadOnly={isReadOnly}
      inputMode="numeric"
      isInvalid={errors !== undefined ? true : undefined}
      validationBehavior="aria"
    >
      <Label className={fieldStyles.label}>{label}</Label>
      <Input className={fieldStyles.input} />
      <FieldError className={fieldStyles.error}>
        {errors?.map((message) => (
          <span key={message} style={{ display: 'block' }}>
            {message}
          </span>
        ))}
      </FieldError>
    </TextField>
  );
}
