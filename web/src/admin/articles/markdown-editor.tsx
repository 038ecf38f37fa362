import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MarkdownView } from '@shared/ui/markdown-view';
import { TextAreaField } from '@shared/ui/text-area-field';
import local from './articles.module.css';

/** An article body in markdown beside its preview, rendered exactly as the learner's article page renders it. */
export function MarkdownEditor({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const previewId = useId();
  return (
    <div className={local.editor}>
      <TextAreaField
        label={t('admin.articles.body')}
        name="body"
        value={value}
        onChange={onChange}
        rows={14}
        maxLength={200000}
        description={t('admin.articles.bodyHint')}
        error={error}
      />
      <section className={local.preview} aria-labelledby={previewId}>
        <h2 id={previewId} className={local.previewTitle}>
          {t('admin.articles.preview')}
        </h2>
        {value.trim() === '' ? <p>{t('admin.articles.emptyPreview')}</p> : <MarkdownView source={value} />}
      </section>
    </div>
  );
}
