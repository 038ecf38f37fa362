import type { WeaknessEvidence } from '../../../application/progress/progress.ports.js';
import type { Session } from '../../../application/ports/transactor.port.js';
import type { ModuleEvidence, TrackModule } from '../../../domain/progress/weakness.rules.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

interface EvidenceRow {
  module_id: number;
  module_name: string;
  correct: number;
  total: number;
}

export class PgWeaknessEvidence implements WeaknessEvidence {
  private readonly sql: NamedStatements<'evidenceOf'>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'progress/weakness', ['evidenceOf']);
  }

  async evidenceOf(
    db: Session,
    learner: { userId: number; trackId: number },
    includeExams: boolean,
  ): Promise<{ modules: TrackModule[]; evidence: ModuleEvidence[] }> {
    const rows = await this.sql.rows<EvidenceRow>(db, 'evidenceOf', [learner.userId, learner.trackId, includeExams]);
    return {
      modules: rows.map((row) => ({ id: row.module_id, name: row.module_name })),
      evidence: rows.map((row) => ({ moduleId: row.module_id, correct: row.correct, total: row.total })),
    };
  }
}
