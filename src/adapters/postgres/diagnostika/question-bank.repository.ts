import type { QuestionBank } from '../../../application/diagnostika/diagnostika.ports.js';
import type { Session } from '../../../application/ports/transactor.port.js';
import type { ModuleQuestionPool } from '../../../domain/diagnostika/diagnostika-question-set.rules.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

export class PgQuestionBank implements QuestionBank {
  private readonly sql: NamedStatements<'activePoolsOfTrack'>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'diagnostika/question-bank', ['activePoolsOfTrack']);
  }

  async activePoolsOfTrack(db: Session, trackId: number): Promise<ModuleQuestionPool[]> {
    const rows = await this.sql.rows<{ module_id: number; question_ids: number[] }>(db, 'activePoolsOfTrack', [
      trackId,
    ]);
    return rows.map((row) => ({ moduleId: row.module_id, questionIds: row.question_ids }));
  }
}
