import { FieldError, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import styles from './text-field.module.css';

export interface TextAreaFieldProps {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly rows?: number;
  readonly maxLength?: number;
  readonly isRequired?: boolean;
  readonly isReadOnly?: boolean;
  readonly description?: string;
  /** The message for this field (the server's, from the problem's errors[], or the form's own), shown at it. */
  readonly error?: string | undefined;
}

/** A multi-line text field with its label, hint and error announced together (React Aria). */
export function TextAreaField({ label, description, error, rows = 4, maxLength, ...props }: TextAreaFieldProps) {
  return (
    <AriaTextField
      {...props}
      className={styles.field}
      isInvalid={error !== undefined ? true : undefined}
      validationBehavior="aria"
    >
      <Label className={styles.label}>{label}</Label>
      <TextArea className={styles.input} rows={rows} maxLength={maxLength} />
      {description !== undefined && (
        <Text slot="description" className={styles.description}>
          {description}
        </Text>
      )}
      <FieldError className={styles.error}>{error}</FieldError>
    </AriaTextField>
  );
}
