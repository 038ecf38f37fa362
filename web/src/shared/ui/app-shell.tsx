import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { LanguageSwitch } from '../i18n/language-switch';
import styles from './app-shell.module.css';

export interface NavItem {
  readonly to: string;
  readonly label: string;
}

/** The page frame both apps share: skip link, brand, language switch and actions, navigation, the main landmark. */
export function AppShell({
  brand,
  nav,
  actions,
  children,
}: {
  brand: string;
  nav: readonly NavItem[];
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <a className={styles.skip} href="#main">
        {t('shell.skip')}
      </a>
      <header className={styles.header}>
        <div className={styles.bar}>
          <span className={styles.brand}>{brand}</span>
          <div className={styles.tools}>
            <LanguageSwitch />
            {actions}
          </div>
          {nav.length > 0 && (
            <nav className={styles.nav} aria-label={t('shell.nav')}>
              <ul>
                {nav.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </div>
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
