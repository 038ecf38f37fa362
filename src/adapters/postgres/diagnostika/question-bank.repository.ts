import type { QuestionBank } from '../../../application/diagnostika/diagnostika.ports.js';
import type { Session } from '../../../application/ports/transactor.port.js';
import type { ModuleQuestionPool } from '../../../domain/diagnostika/diagnostika-question-set.rules.js';
import { SqlFile } from '../sql-file.js';
import type { SqlCatalogue } from '../sql-files.js';

export class PgQuestionBank implements QuestionBank {
  private readonly sql: SqlFile<'activePoolsOfTrack'>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new SqlFile(catalogue, 'diagnostika/question-bank', ['activePoolsOfTrack']);
  }

  async activePoolsOfTrack(db: Session, trackId: number): Promise<ModuleQuestionPool[]> {
    const rows = await this.sql.rows<{ module_id: number; question_ids: number[] }>(db, 'activePoolsOfTrack', [
      trackId,
    ]);
    return rows.map((row) => ({ moduleId: row.module_id, questionIds: row.question_ids }));
  }
}
