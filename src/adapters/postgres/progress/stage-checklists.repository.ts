import type { StageChecklist, StageChecklists } from '../../../application/progress/progress.ports.js';
import type { Session } from '../../../application/ports/transactor.port.js';
import type { ArticleKind } from '../../../domain/content/article-kind.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

interface ChecklistRow {
  assignments: {
    article_id: number;
    module_id: number;
    module_name: string;
    title: string;
    kind: ArticleKind;
    is_read: boolean;
    minitest_passed: boolean;
  }[];
  level_exam_passed: boolean;
  rank_final_passed: boolean;
}

export class PgStageChecklists implements StageChecklists {
  private readonly sql: NamedStatements<'checklistOf'>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'progress/eligibility', ['checklistOf']);
  }

  async checklistOf(db: Session, userId: number, stageId: number): Promise<StageChecklist> {
    const row = (await this.sql.first<ChecklistRow>(db, 'checklistOf', [userId, stageId]))!;
    return {
      assignments: row.assignments.map((a) => ({
        articleId: a.article_id,
        moduleId: a.module_id,
        moduleName: a.module_name,
        title: a.title,
        kind: a.kind,
        isRead: a.is_read,
        minitestPassed: a.minitest_passed,
      })),
      levelExamPassed: row.level_exam_passed,
      rankFinalPassed: row.rank_final_passed,
    };
  }
}
