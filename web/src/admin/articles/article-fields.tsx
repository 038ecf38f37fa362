import { useTranslation } from 'react-i18next';
import { TextField } from '@shared/ui/text-field';
import { MarkdownEditor } from './markdown-editor';

export interface ArticleText {
  readonly title: string;
  readonly content_ref: string;
  readonly position: string;
  readonly body: string;
}

/** A position is a whole number from 1; the form says so before asking the server. */
export function positionOf(text: ArticleText): number | null {
  return /^\d+$/.test(text.position.trim()) && Number(text.position) >= 1 ? Number(text.position) : null;
}

/** The editable part of an article, for creating and editing alike; each message appears at its field. */
export function ArticleFields({
  value,
  onChange,
  errors,
}: {
  value: ArticleText;
  onChange: (value: ArticleText) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('admin.articles.titleField')}
        name="title"
        value={value.title}
        onChange={(title) => onChange({ ...value, title })}
        maxLength={500}
        serverError={errors.title}
      />
      <TextField
        label={t('admin.articles.contentRef')}
        name="content_ref"
        value={value.content_ref}
        onChange={(ref) => onChange({ ...value, content_ref: ref })}
        maxLength={500}
        description={t('admin.articles.contentRefHint')}
        serverError={errors.content_ref}
      />
      <TextField
        label={t('admin.articles.position')}
        name="position"
        value={value.position}
        onChange={(position) => onChange({ ...value, position })}
        description={t('admin.articles.positionHint')}
        serverError={errors.position}
      />
      <MarkdownEditor value={value.body} onChange={(body) => onChange({ ...value, body })} error={errors.body} />
    </>
  );
}
