import type { AuditEntry } from '@contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MessageKey } from '@shared/i18n/en';
import styles from '@shared/ui/page.module.css';
import { detailLines } from './audit-details';

/** Where an entity of the log can be seen in the console, when it has a page of its own. */
const PAGES: Partial<Record<string, (id: number) => string>> = {
  learner: (id) => `/admin/learners/${id}`,
  settings_version: (id) => `/admin/settings/versions/${id}`,
};

/** One change: when, by whom, what it did in words (the raw action for one the console does not know yet). */
export function AuditEntryRow({ entry, date }: { entry: AuditEntry; date: Intl.DateTimeFormat }) {
  const { t, i18n } = useTranslation();
  const known = (key: string): key is MessageKey => i18n.exists(key);
  const actionKey = `admin.audit.action.${entry.action}`;
  const typeKey = `admin.audit.entity.${entry.entity_type}`;
  const type = known(typeKey) ? t(typeKey) : entry.entity_type;
  const page = entry.entity_id === null ? undefined : PAGES[entry.entity_type]?.(entry.entity_id);
  const lines = detailLines(entry.details);
  return (
    <tr>
      <td>{date.format(new Date(entry.created_at))}</td>
      <td>{entry.admin_email}</td>
      <td>
        {known(actionKey) ? t(actionKey) : entry.action}
        <br />
        <code className={styles.muted}>{entry.action}</code>
      </td>
      <td>
        {entry.entity_id === null ? (
          type
        ) : page === undefined ? (
          t('admin.audit.entityRef', { type, id: entry.entity_id })
        ) : (
          <Link to={page}>{t('admin.audit.entityRef', { type, id: entry.entity_id })}</Link>
        )}
      </td>
      <td>
        {lines.length === 0 ? (
          <span className={styles.muted}>{t('admin.audit.noDetails')}</span>
        ) : (
          <ul className={styles.list}>
            {lines.map((line) => (
              <li key={line.name}>
                <code>{line.name}</code>: {line.value}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
