import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '@shared/api/api-context';
import { identityQueries } from '@shared/api/identity';
import styles from '@shared/ui/page.module.css';
import { QueryView } from '@shared/ui/states';
import classes from './home.module.css';

/** An area of the console: where it lives, its name (as in the navigation) and what an admin does there. */
export interface AdminArea {
  readonly to: string;
  readonly label: string;
  readonly about: string;
}

/** The console's start page: who is signed in, and every area with a line on what it is for. */
export function AdminHomePage({ areas }: { areas: readonly AdminArea[] }) {
  const { t } = useTranslation();
  const me = useQuery(identityQueries.adminMe(useApi()));
  return (
    <>
      <h1>{t('admin.home.title')}</h1>
      <QueryView query={me}>{(admin) => <p>{t('admin.home.intro', { name: admin.full_name })}</p>}</QueryView>
      <h2>{t('admin.home.areas')}</h2>
      <ul className={classes.areas}>
        {areas.map((area) => (
          <li key={area.to} className={styles.card}>
            <h3>
              <Link to={area.to}>{area.label}</Link>
            </h3>
            <p className={styles.muted}>{area.about}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
