import type { BundleWriter } from '../../../application/authoring/authoring.ports.js';
import type { Session, TxSession } from '../../../application/ports/transactor.port.js';
import { questionKey, type CatalogFacts, type ImportPlan } from '../../../domain/authoring/import-bundle.rules.js';
import type { ArticleKind } from '../../../domain/content/article-kind.js';
import type { Rank } from '../../../domain/progress/stage-ladder.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';
import { guardNames } from './name-taken.errors.js';

type Query =
  | 'insertTrackIfMissing'
  | 'lockTrackByName'
  | 'stagesOfTrack'
  | 'articlesByContentRef'
  | 'questionsByText'
  | 'insertModules'
  | 'moduleIds'
  | 'insertQuestions'
  | 'insertOptions'
  | 'activateQuestions'
  | 'insertArticles'
  | 'insertMinitests';

/**
 * The bundle import's writes. Large inputs travel as parallel arrays (unnest) or one JSON array
 * (jsonb_to_recordset) per statement; module names are resolved to ids once per step.
 */
export class PgBundleWriter implements BundleWriter {
  private readonly sql: NamedStatements<Query>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'authoring/bundle-import', [
      'insertTrackIfMissing',
      'lockTrackByName',
      'stagesOfTrack',
      'articlesByContentRef',
      'questionsByText',
      'insertModules',
      'moduleIds',
      'insertQuestions',
      'insertOptions',
      'activateQuestions',
      'insertArticles',
      'insertMinitests',
    ]);
  }

  async ensureTrack(tx: TxSession, name: string): Promise<{ id: number; created: boolean }> {
    const inserted = await guardNames(() => this.sql.first<{ id: number }>(tx, 'insertTrackIfMissing', [name]));
    const locked = await this.sql.first<{ id: number }>(tx, 'lockTrackByName', [name]);
    return { id: locked!.id, created: inserted !== undefined };
  }

  async readFacts(tx: TxSession, trackId: number, plan: ImportPlan): Promise<CatalogFacts> {
    const stages = await this.sql.rows<{ rank: Rank; level: number }>(tx, 'stagesOfTrack', [trackId]);
    const articles = await this.sql.rows<{ content_ref: string; kind: ArticleKind; module: string | null }>(
      tx,
      'articlesByContentRef',
      [trackId, plan.articles.map((article) => article.contentRef)],
    );
    const refs = plan.articles.flatMap((article) => article.minitest.map((text) => ({ module: article.module, text })));
    const questions =
      refs.length === 0
        ? []
        : await this.sql.rows<{ module: string; text: string; is_active: boolean }>(tx, 'questionsByText', [
            trackId,
            JSON.stringify(refs),
          ]);
    return {
      stages,
      articles: new Map(articles.map((row) => [row.content_ref, { module: row.module, kind: row.kind }])),
      questions: new Map(questions.map((row) => [questionKey(row.module, row.text), { isActive: row.is_active }])),
    };
  }

  async insertModules(tx: TxSession, trackId: number, names: readonly string[]): Promise<number> {
    return this.sql.run(tx, 'insertModules', [trackId, [...names]]);
  }

  async insertQuestions(tx: TxSession, trackId: number, plan: ImportPlan): Promise<number> {
    if (plan.questions.length === 0) return 0;
    const moduleIds = await this.moduleIds(tx, trackId);
    const created = await this.sql.rows<{ id: number; module_id: number; text: string }>(tx, 'insertQuestions', [
      plan.questions.map((question) => moduleIds.get(question.module)!),
      plan.questions.map((question) => question.text),
    ]);
    if (created.length === 0) return 0;

    // Options and correct answers only for the questions this import created: an existing
    // question is never touched (an admin may have deactivated or reworded it).
    const byKey = new Map(
      plan.questions.map((question) => [`${moduleIds.get(question.module)}\u0000${question.text}`, question]),
    );
    const optionQuestionIds: number[] = [];
    const optionPositions: number[] = [];
    const optionTexts: string[] = [];
    const correctPositions: number[] = [];
    for (const row of created) {
      const question = byKey.get(`${row.module_id}\u0000${row.text}`)!;
      question.options.forEach((text, index) => {
        optionQuestionIds.push(row.id);
        optionPositions.push(index + 1);
        optionTexts.push(text);
      });
      correctPositions.push(question.correctPos);
    }
    await this.sql.run(tx, 'insertOptions', [optionQuestionIds, optionPositions, optionTexts]);
    await this.sql.run(tx, 'activateQuestions', [created.map((row) => row.id), correctPositions]);
    return created.length;
  }

  async insertArticles(tx: TxSession, trackId: number, plan: ImportPlan): Promise<number> {
    if (plan.articles.length === 0) return 0;
    const moduleIds = await this.moduleIds(tx, trackId);
    const rows = plan.articles.map((article, ord) => ({
      module_id: moduleIds.get(article.module)!,
      rank: article.rank,
      level: article.level,
      kind: article.kind,
      position: article.position,
      title: article.title,
      content_ref: article.contentRef,
      body: article.body,
      ord,
    }));
    return this.sql.run(tx, 'insertArticles', [trackId, JSON.stringify(rows)]);
  }

  async insertMinitests(tx: TxSession, trackId: number, plan: ImportPlan): Promise<number> {
    const moduleIds = await this.moduleIds(tx, trackId);
    const rows = plan.articles
      .filter((article) => article.kind === 'required')
      .flatMap((article) =>
        article.minitest.map((text, index) => ({
          content_ref: article.contentRef,
          module_id: moduleIds.get(article.module)!,
          pos: index + 1,
          text,
        })),
      );
    if (rows.length === 0) return 0;
    const inserted = await this.sql.rows<{ article_id: number }>(tx, 'insertMinitests', [JSON.stringify(rows)]);
    return new Set(inserted.map((row) => row.article_id)).size;
  }

  private async moduleIds(tx: Session, trackId: number): Promise<Map<string, number>> {
    const rows = await this.sql.rows<{ id: number; name: string }>(tx, 'moduleIds', [trackId]);
    return new Map(rows.map((row) => [row.name, row.id]));
  }
}
