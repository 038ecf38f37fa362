import { expect } from 'chai';
import { PgSession, PgTransactor, pgSession } from '../../../src/adapters/postgres/transactor.js';
import { withDeadline } from '../../../src/application/request-deadline.js';
import { DomainError } from '../../../src/domain/shared/domain-error.js';
import { useTestDatabase } from '../../support/database.js';

describe('PgTransactor', () => {
  const db = useTestDatabase();
  const insertTrack = (session: PgSession, name: string) =>
    session.queryable.query('INSERT INTO tracks (name) VALUES ($1)', [name]);
  const countTracks = async (name: string) =>
    (await db.pool.query('SELECT count(*)::int AS n FROM tracks WHERE name = $1', [name])).rows[0].n as number;

  it('commits the work of a successful transaction', async () => {
    const transactor = new PgTransactor(db.pool);
    await transactor.run(async (tx) => insertTrack(pgSession(tx), 'tx-commit'));
    expect(await countTracks('tx-commit')).to.equal(1);
  });

  it('rolls back everything when the work throws, and rethrows', async () => {
    const transactor = new PgTransactor(db.pool);
    const failure = new Error('boom after two writes');
    const outcome = await transactor
      .run(async (tx) => {
        await insertTrack(pgSession(tx), 'tx-rollback-1');
        await insertTrack(pgSession(tx), 'tx-rollback-2');
        throw failure;
      })
      .catch((error: unknown) => error);
    expect(outcome).to.equal(failure);
    expect(await countTracks('tx-rollback-1')).to.equal(0);
    expect(await countTracks('tx-rollback-2')).to.equal(0);
  });

  it('maps a constraint the database defends to a 409-class DomainError and leaves no partial write', async () => {
    const transactor = new PgTransactor(db.pool);
    const outcome = await transactor
      .run(async (tx) => {
        await insertTrack(pgSession(tx), 'tx-dup-first');
        await insertTrack(pgSession(tx), 'tx-dup');
        await insertTrack(pgSession(tx), 'tx-dup');
      })
      .catch((error: unknown) => error);
    expect(outcome).to.be.instanceOf(DomainError);
    expect(outcome).to.include({ code: 'conflict' });
    expect(await countTracks('tx-dup-first')).to.equal(0);
  });

  it('releases its client every time: many failing transactions never exhaust the pool', async () => {
    const transactor = new PgTransactor(db.pool);
    for (let i = 0; i < 20; i += 1) {
      await transactor.run(async () => Promise.reject(new Error('fail'))).catch(() => undefined);
    }
    expect(db.pool.totalCount).to.be.at.most(5);
    expect(db.pool.waitingCount).to.equal(0);
    expect(
      await transactor.run(async (tx) => (await pgSession(tx).queryable.query('SELECT 1 AS one')).rows[0].one),
    ).to.equal(1);
  });

  it('runs all statements of one transaction on the same client', async () => {
    const transactor = new PgTransactor(db.pool);
    const pids = await transactor.run(async (tx) => {
      const first = await pgSession(tx).queryable.query('SELECT pg_backend_pid() AS pid, txid_current() AS txid');
      const second = await pgSession(tx).queryable.query('SELECT pg_backend_pid() AS pid, txid_current() AS txid');
      return [first.rows[0], second.rows[0]];
    });
    expect(pids[0]).to.deep.equal(pids[1]);
  });

  it('rolls back a transaction that finishes after its request deadline', async () => {
    const transactor = new PgTransactor(db.pool);
    const outcome = await withDeadline(Date.now() + 50, () =>
      transactor.run(async (tx) => {
        await insertTrack(pgSession(tx), 'tx-too-late');
        await new Promise((resolve) => setTimeout(resolve, 120));
      }),
    ).catch((error: unknown) => error);
    expect(outcome).to.be.instanceOf(DomainError).and.include({ code: 'request_timeout' });
    expect(await countTracks('tx-too-late')).to.equal(0);
  });

  it('cancels a statement that outlives the request deadline', async () => {
    const transactor = new PgTransactor(db.pool);
    const outcome = await withDeadline(Date.now() + 100, () =>
      transactor.run(async (tx) => pgSession(tx).queryable.query('SELECT pg_sleep(2)')),
    ).catch((error: unknown) => error);
    expect(outcome).to.be.instanceOf(DomainError).and.include({ code: 'request_timeout' });
  });

  it('read() runs outside a transaction on the pool', async () => {
    const transactor = new PgTransactor(db.pool);
    const inTransaction = await transactor.read(async (session) => session.inTransaction);
    expect(inTransaction).to.equal(false);
  });
});
