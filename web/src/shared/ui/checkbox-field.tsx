import type { ReactNode } from 'react';
import { Checkbox } from 'react-aria-components';
import styles from './checkbox-field.module.css';

/** A labelled checkbox with a visible, 44 px-tall target and a focus ring for keyboard users. */
export function CheckboxField(props: {
  readonly isSelected: boolean;
  readonly onChange: (isSelected: boolean) => void;
  readonly children: ReactNode;
}) {
  return (
    <Checkbox className={styles.checkbox} isSelected={props.isSelected} onChange={props.onChange}>
      <span className={styles.box} aria-hidden="true">
        {props.isSelected ? '✓' : ''}
      </span>
      {props.children}
    </Checkbox>
  );
}
