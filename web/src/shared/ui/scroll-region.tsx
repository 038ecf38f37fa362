import type { ReactNode } from 'react';
import styles from './page.module.css';

/**
 * A table (or other wide content) that scrolls sideways on a narrow screen. The scrolling box is a named,
 * focusable region, so a keyboard user can reach it and scroll it with the arrow keys (WCAG 2.1.1).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the region scrolls: it must take focus
    <div className={styles.tableWrap} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
