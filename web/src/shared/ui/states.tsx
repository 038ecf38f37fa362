import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import styles from './states.module.css';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className={styles.loading} role="status">
      {t('state.loading')}
    </p>
  );
}

/** A failed request: the problem's `detail` (the server's explanation), or a generic line. */
export function ErrorState({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const detail = isApiError(error) ? error.detail : t('state.unexpected');
  return (
    <div className={styles.error} role="alert">
      <strong>{t('state.error')}</strong> {detail}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className={styles.empty}>{children}</p>;
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className={styles.notice} role="status">
      {children}
    </div>
  );
}

interface QueryLike<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly isPending: boolean;
}

/** Renders a query's loading and error states, and `children(data)` once it has data. */
export function QueryView<T>({ query, children }: { query: QueryLike<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.data === undefined) return <ErrorState error={query.error} />;
  return <>{children(query.data)}</>;
}
