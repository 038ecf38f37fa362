import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import styles from './button.module.css';

export interface ButtonProps extends Omit<AriaButtonProps, 'className'> {
  readonly variant?: 'primary' | 'secondary' | 'danger';
}

export function Button({ variant = 'primary', ...props }: ButtonProps) {
  const className = variant === 'primary' ? styles.button : `${styles.button} ${styles[variant]}`;
  return <AriaButton {...props} className={className} />;
}
