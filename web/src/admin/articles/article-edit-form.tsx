import type { AdminArticle } from '@contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminCatalogKeys } from '@shared/api/admin-catalog';
import { useApi } from '@shared/api/api-context';
import { formErrors } from '@shared/api/form-errors';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { Button } from '@shared/ui/button';
import { CheckboxField } from '@shared/ui/checkbox-field';
import { ErrorState, Notice } from '@shared/ui/states';
import { ArticleFields, positionOf, type ArticleText } from './article-fields';
import { adminArticleCalls } from './articles.api';

/** Title, content_ref, position, body and whether it is assigned to learners at all (active). */
export function ArticleEditForm({ article }: { article: AdminArticle }) {
  const { t } = useTranslation();
  const http = useApi();
  const [text, setText] = useState<ArticleText>({
    title: article.title,
    content_ref: article.content_ref,
    position: String(article.position),
    body: article.body,
  });
  const [isActive, setActive] = useState(article.is_active);
  const [badPosition, setBadPosition] = useState(false);
  const save = useInvalidatingMutation(
    () =>
      adminArticleCalls.edit(http, article.id, {
        title: text.title,
        content_ref: text.content_ref,
        body: text.body,
        position: positionOf(text)!,
        is_active: isActive,
      }),
    [adminCatalogKeys.all],
  );
  const { fields, unclaimed } = formErrors(save.error, 'content_ref');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBadPosition(positionOf(text) === null);
    if (positionOf(text) !== null) save.mutate();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('admin.articles.edit')}>
      {unclaimed !== null && <ErrorState error={unclaimed} />}
      {save.isSuccess && <Notice>{t('admin.articles.saved')}</Notice>}
      <ArticleFields
        value={text}
        onChange={setText}
        errors={{ ...fields, ...(badPosition ? { position: t('admin.articles.positionInvalid') } : {}) }}
      />
      <CheckboxField isSelected={isActive} onChange={setActive}>
        {t('admin.articles.active')}
      </CheckboxField>
      <p>
        <Button type="submit" isDisabled={save.isPending}>
          {t('admin.articles.save')}
        </Button>
      </p>
    </form>
  );
}
