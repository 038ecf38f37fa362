import type { AdminModule } from '@contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { adminCatalogKeys } from '@shared/api/admin-catalog';
import { useApi } from '@shared/api/api-context';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { Button } from '@shared/ui/button';
import styles from '@shared/ui/page.module.css';
import { adminCatalogCalls } from './catalog.api';
import { NameForm } from './name-form';

/** A module with the ways into its content, renamed in place (modules are never deleted). */
export function ModuleRow({ module }: { module: AdminModule }) {
  const { t } = useTranslation();
  const http = useApi();
  const [renaming, setRenaming] = useState(false);
  const rename = useInvalidatingMutation(
    (name: string) => adminCatalogCalls.renameModule(http, module.id, name),
    [adminCatalogKeys.all],
  );
  const base = `/admin/tracks/${module.track_id}/modules/${module.id}`;
  return (
    <li className={styles.card}>
      {renaming ? (
        <NameForm
          formLabel={t('admin.catalog.renameModuleOf', { name: module.name })}
          label={t('admin.catalog.moduleName')}
          submitLabel={t('admin.catalog.saveName')}
          initial={module.name}
          mutation={rename}
          onDone={() => setRenaming(false)}
        />
      ) : (
        <div className={styles.row}>
          <strong>{module.name}</strong>
          <Link to={`${base}/questions`} aria-label={t('admin.catalog.questionsOf', { name: module.name })}>
            {t('admin.catalog.questions')}
          </Link>
          <Link to={`${base}/item-statistics`} aria-label={t('admin.catalog.statisticsOf', { name: module.name })}>
            {t('admin.catalog.statistics')}
          </Link>
          <Button
            variant="secondary"
            onPress={() => setRenaming(true)}
            aria-label={t('admin.catalog.renameModuleOf', { name: module.name })}
          >
            {t('admin.catalog.rename')}
          </Button>
        </div>
      )}
    </li>
  );
}
