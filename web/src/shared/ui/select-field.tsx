import { useId } from 'react';
import styles from './text-field.module.css';

export interface SelectFieldProps<V extends string> {
  readonly label: string;
  readonly value: V | '';
  readonly options: readonly { readonly value: V; readonly label: string }[];
  readonly onChange: (value: V | '') => void;
  /** The first, empty choice ("all", "choose…"); without it a value must be chosen. */
  readonly placeholder?: string;
  readonly error?: string | undefined;
  readonly isDisabled?: boolean;
}

/** A labelled native select (keyboard and screen-reader behaviour of the platform) with its error beneath. */
export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  placeholder,
  error,
  isDisabled,
}: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className={styles.input}
        value={value}
        disabled={isDisabled}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={error !== undefined ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value as V | '')}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error !== undefined && (
        <span id={`${id}-error`} className={styles.error}>
          {error}
        </span>
      )}
    </div>
  );
}
