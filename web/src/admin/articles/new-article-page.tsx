import type { ArticleKind } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { adminCatalogKeys, adminCatalogQueries } from '@shared/api/admin-catalog';
import { useApi } from '@shared/api/api-context';
import { formErrors } from '@shared/api/form-errors';
import { useInvalidatingMutation } from '@shared/api/mutation';
import { Button } from '@shared/ui/button';
import { SelectField } from '@shared/ui/select-field';
import { stageName } from '@shared/ui/stage-name';
import { ErrorState } from '@shared/ui/states';
import { ArticleFields, positionOf, type ArticleText } from './article-fields';
import { adminArticleCalls } from './articles.api';

const KINDS = ['required', 'optional'] as const;

/**
 * A new article of a module on a stage of the module's track. Module, stage and kind are fixed once created
 * (docs/product.md, "Domain model"), so they are chosen here only; a required article then gets its minitest.
 */
export function NewArticlePage() {
  const { t } = useTranslation();
  const http = useApi();
  const navigate = useNavigate();
  const tracks = useQuery(adminCatalogQueries.tracks(http));
  const [trackId, setTrackId] = useState('');
  const [moduleId, setModuleId] = useState('');
  const [stageId, setStageId] = useState('');
  const [kind, setKind] = useState<ArticleKind | ''>('');
  const [text, setText] = useState<ArticleText>({ title: '', content_ref: '', position: '1', body: '' });
  const [missing, setMissing] = useState<string[]>([]);
  const track = tracks.data?.find((tr) => String(tr.id) === trackId);
  const create = useInvalidatingMutation(
    () =>
      adminArticleCalls.create(http, {
        module_id: Number(moduleId),
        stage_id: Number(stageId),
        kind: kind as ArticleKind,
        title: text.title,
        content_ref: text.content_ref,
        body: text.body,
        position: positionOf(text)!,
      }),
    [adminCatalogKeys.all],
    { onSuccess: (created) => void navigate(`/admin/articles/${created.id}`) },
  );
  const { fields, unclaimed } = formErrors(create.error, 'content_ref');
  const required = t('admin.articles.choose');
  const errors = {
    ...fields,
    ...(missing.includes('position') ? { position: t('admin.articles.positionInvalid') } : {}),
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const absent = [
      ...(moduleId === '' ? ['module'] : []),
      ...(stageId === '' ? ['stage'] : []),
      ...(kind === '' ? ['kind'] : []),
      ...(positionOf(text) === null ? ['position'] : []),
    ];
    setMissing(absent);
    if (absent.length === 0) create.mutate();
  }

  return (
    <>
      <p>
        <Link to="/admin/articles">{t('admin.articles.backToList')}</Link>
      </p>
      <h1>{t('admin.articles.new')}</h1>
      <form onSubmit={onSubmit} noValidate aria-label={t('admin.articles.new')}>
        {tracks.isError && <ErrorState error={tracks.error} />}
        {unclaimed !== null && <ErrorState error={unclaimed} />}
        <SelectField
          label={t('admin.articles.track')}
          value={trackId}
          placeholder={t('admin.articles.chooseTrack')}
          options={(tracks.data ?? []).map((tr) => ({ value: String(tr.id), label: tr.name }))}
          onChange={(value) => {
            setTrackId(value);
            setModuleId('');
            setStageId('');
          }}
        />
        <SelectField
          label={t('admin.articles.module')}
          value={moduleId}
          placeholder={t('admin.articles.chooseModule')}
          options={(track?.modules ?? []).map((m) => ({ value: String(m.id), label: m.name }))}
          onChange={setModuleId}
          error={missing.includes('module') ? required : fields.module_id}
        />
        <SelectField
          label={t('admin.articles.stage')}
          value={stageId}
          placeholder={t('admin.articles.chooseStage')}
          options={(track?.stages ?? []).map((s) => ({ value: String(s.id), label: stageName(t, s) }))}
          onChange={setStageId}
          error={missing.includes('stage') ? required : fields.stage_id}
        />
        <SelectField
          label={t('admin.articles.kind')}
          value={kind}
          placeholder={t('admin.articles.chooseKind')}
          options={KINDS.map((k) => ({ value: k, label: t(`admin.articles.kindOf.${k}`) }))}
          onChange={setKind}
          error={missing.includes('kind') ? required : fields.kind}
        />
        <ArticleFields value={text} onChange={setText} errors={errors} />
        <Button type="submit" isDisabled={create.isPending}>
          {t('admin.articles.create')}
        </Button>
      </form>
    </>
  );
}
