import type { AdminQuestion, QuestionAuthoring } from '../../../application/authoring/authoring.ports.js';
import type { Session, TxSession } from '../../../application/ports/transactor.port.js';
import type { CandidateQuestion } from '../../../domain/authoring/minitest-selection.rules.js';
import type { QuestionDraft, QuestionUsage } from '../../../domain/authoring/question.rules.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';
import { guardNames } from './name-taken.errors.js';

interface UsageRow {
  diagnostika_uses: number;
  level_exam_uses: number;
  rank_final_uses: number;
  minitest_uses: number;
}

interface QuestionRow extends UsageRow {
  id: number;
  module_id: number;
  text: string;
  is_active: boolean;
  created_at: Date;
  correct_option_id: number | null;
  options: { id: number; pos: number; text: string }[];
}

const toUsage = (row: UsageRow): QuestionUsage => ({
  diagnostika: row.diagnostika_uses,
  levelExam: row.level_exam_uses,
  rankFinal: row.rank_final_uses,
  minitests: row.minitest_uses,
});

const toQuestion = (row: QuestionRow): AdminQuestion => ({
  id: row.id,
  moduleId: row.module_id,
  text: row.text,
  isActive: row.is_active,
  createdAt: row.created_at,
  options: row.options,
  correctOptionId: row.correct_option_id,
  usage: toUsage(row),
});

type Query =
  | 'moduleExists'
  | 'list'
  | 'insertQuestion'
  | 'insertOptions'
  | 'activate'
  | 'lock'
  | 'usage'
  | 'update'
  | 'lockCandidates';

export class PgQuestionAuthoring implements QuestionAuthoring {
  private readonly sql: NamedStatements<Query>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'authoring/questions', [
      'moduleExists',
      'list',
      'insertQuestion',
      'insertOptions',
      'activate',
      'lock',
      'usage',
      'update',
      'lockCandidates',
    ]);
  }

  async moduleExists(db: Session, moduleId: number): Promise<boolean> {
    return (await this.sql.first(db, 'moduleExists', [moduleId])) !== undefined;
  }

  async list(db: Session, moduleId: number, page: { afterId?: number; limit: number }): Promise<AdminQuestion[]> {
    return (await this.sql.rows<QuestionRow>(db, 'list', [moduleId, page.afterId ?? null, page.limit, null])).map(
      toQuestion,
    );
  }

  async find(db: Session, questionId: number): Promise<AdminQuestion | undefined> {
    const row = await this.sql.first<QuestionRow>(db, 'list', [null, null, 1, questionId]);
    return row && toQuestion(row);
  }

  async insert(tx: TxSession, moduleId: number, question: QuestionDraft): Promise<number> {
    const row = await guardNames(() => this.sql.first<{ id: number }>(tx, 'insertQuestion', [moduleId, question.text]));
    await this.sql.run(tx, 'insertOptions', [row!.id, question.options]);
    await this.sql.run(tx, 'activate', [row!.id, question.correctPos]);
    return row!.id;
  }

  async lock(
    tx: TxSession,
    questionId: number,
  ): Promise<{ id: number; moduleId: number; text: string; isActive: boolean } | undefined> {
    const row = await this.sql.first<{ id: number; module_id: number; text: string; is_active: boolean }>(tx, 'lock', [
      questionId,
    ]);
    return row && { id: row.id, moduleId: row.module_id, text: row.text, isActive: row.is_active };
  }

  async usage(tx: Session, questionId: number): Promise<QuestionUsage> {
    return toUsage((await this.sql.first<UsageRow>(tx, 'usage', [questionId]))!);
  }

  async update(tx: TxSession, questionId: number, change: { text: string; isActive: boolean }): Promise<void> {
    await guardNames(() => this.sql.run(tx, 'update', [questionId, change.text, change.isActive]));
  }

  async lockCandidates(tx: TxSession, questionIds: readonly number[]): Promise<Map<number, CandidateQuestion>> {
    const rows = await this.sql.rows<{ id: number; module_id: number; is_active: boolean }>(tx, 'lockCandidates', [
      [...questionIds],
    ]);
    return new Map(rows.map((row) => [row.id, { id: row.id, moduleId: row.module_id, isActive: row.is_active }]));
  }
}
