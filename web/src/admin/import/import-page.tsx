import type { ImportBundle } from '@contract';
import { useState } from 'react';
import { FileTrigger, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useApi } from '@shared/api/api-context';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { Button } from '@shared/ui/button';
import styles from '@shared/ui/page.module.css';
import { ErrorState } from '@shared/ui/states';
import stateStyles from '@shared/ui/states.module.css';
import { adminImportCalls } from './import.api';
import { ImportProblems } from './import-problems';
import { ImportSummary } from './import-summary';
import { readBundle } from './read-bundle';

/**
 * Bundle import from a file chosen in the browser: the summary when it is imported, otherwise every
 * problem the server found, at its path. An import can add tracks, modules and content that every other
 * screen lists, so success refreshes every query.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const http = useApi();
  const [file, setFile] = useState<File | null>(null);
  const [notJson, setNotJson] = useState<string | null>(null);
  const send = useInvalidatingMutation((bundle: ImportBundle) => adminImportCalls.importBundle(http, bundle), [[]]);
  const problems = send.error?.errors ?? [];
  return (
    <>
      <h1>{t('admin.import.title')}</h1>
      <p>{t('admin.import.intro')}</p>
      <Form
        className={styles.card}
        onSubmit={(event) => {
          event.preventDefault();
          if (file === null) return;
          void readBundle(file).then((read) => {
            setNotJson(read.ok ? null : t('admin.import.notJson', { name: file.name, reason: read.reason }));
            if (read.ok) send.mutate(read.bundle);
            else send.reset();
          });
        }}
      >
        <div className={styles.row}>
          <FileTrigger
            acceptedFileTypes={['application/json', '.json']}
            onSelect={(files) => {
              setFile(files?.[0] ?? null);
              setNotJson(null);
              send.reset();
            }}
          >
            <Button variant="secondary">{t('admin.import.choose')}</Button>
          </FileTrigger>
          <span role="status">
            {file === null ? t('admin.import.noFile') : t('admin.import.chosen', { name: file.name })}
          </span>
        </div>
        <p>
          <Button type="submit" isDisabled={file === null || send.isPending}>
            {t('admin.import.submit')}
          </Button>
        </p>
      </Form>
      {notJson !== null && (
        <div className={stateStyles.error} role="alert">
          {notJson}
        </div>
      )}
      {send.isSuccess && <ImportSummary summary={send.data} />}
      {send.isError &&
        (problems.length > 0 ? <ImportProblems problems={problems} /> : <ErrorState error={send.error} />)}
    </>
  );
}
