import type { Graduation } from '../../../application/approvals/approvals.ports.js';
import type { TxSession } from '../../../application/ports/transactor.port.js';
import { DomainError } from '../../../domain/shared/domain-error.js';
import { NamedStatements } from '../named-statements.js';
import type { SqlCatalogue } from '../sql-catalogue.js';

export class PgGraduation implements Graduation {
  private readonly sql: NamedStatements<'markGraduated'>;

  constructor(catalogue: SqlCatalogue) {
    this.sql = new NamedStatements(catalogue, 'identity/users', ['markGraduated']);
  }

  async markGraduated(tx: TxSession, userId: number): Promise<Date> {
    const row = await this.sql.first<{ graduated_at: Date }>(tx, 'markGraduated', [userId]);
    if (row === undefined) throw new DomainError('conflict', 'The learner has already graduated');
    return row.graduated_at;
  }
}
