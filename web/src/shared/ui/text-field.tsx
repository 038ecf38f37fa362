import { FieldError, Input, Label, Text, TextField as AriaTextField } from 'react-aria-components';
import styles from './text-field.module.css';

export interface TextFieldProps {
  readonly label: string;
  readonly name: string;
  readonly type?: 'text' | 'email' | 'password';
  readonly autoComplete?: string;
  readonly isRequired?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly description?: string;
  /** The server's message for this field (from the problem's errors[]), shown at the field. */
  readonly serverError?: string | undefined;
  readonly value?: string;
  readonly onChange?: (value: string) => void;
}

export function TextField({ label, serverError, description, ...props }: TextFieldProps) {
  return (
    <AriaTextField
      {...props}
      className={styles.field}
      isInvalid={serverError !== undefined ? true : undefined}
      validationBehavior="native"
    >
      <Label className={styles.label}>{label}</Label>
      <Input className={styles.input} />
      {description !== undefined && (
        <Text slot="description" className={styles.description}>
          {description}
        </Text>
      )}
      <FieldError className={styles.error}>{serverError}</FieldError>
    </AriaTextField>
  );
}
