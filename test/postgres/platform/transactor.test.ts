import { expect } from 'chai';
import { PgSession, PgTransactor, pgSession } from '../../../src/adapters/postgres/transactor.js';
import type { TxSession } from '../../../src/application/ports/transactor.port.js';
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

  it('snapshot() sees one consistent state: a commit landing between its reads is invisible to it', async () => {
    const transactor = new PgTransactor(db.pool);
    const seen = await transactor.snapshot(async (session) => {
      const before = (await pgSession(session).queryable.query('SELECT count(*)::int AS n FROM tracks')).rows[0].n;
      await db.pool.query("INSERT INTO tracks (name) VALUES ('snapshot-concurrent')");
      const after = (await pgSession(session).queryable.query('SELECT count(*)::int AS n FROM tracks')).rows[0].n;
      const mode = (await pgSession(session).queryable.query('SHOW transaction_read_only')).rows[0];
      return { before, after, readOnly: mode.transaction_read_only };
    });
    expect(seen.after).to.equal(seen.before);
    expect(seen.readOnly).to.equal('on');
    expect(await countTracks('snapshot-concurrent')).to.equal(1);
  });

  it('snapshot() refuses a write and keeps the request deadline as its statement timeout', async () => {
    const transactor = new PgTransactor(db.pool);
    const write = await transactor
      .snapshot(async (session) => insertTrack(pgSession(session), 'snapshot-write'))
      .catch((error: unknown) => error);
    expect(write).to.be.instanceOf(Error);
    expect(await countTracks('snapshot-write')).to.equal(0);
    const timeout = await withDeadline(Date.now() + 5_000, () =>
      transactor.snapshot(
        async (session) => (await pgSession(session).queryable.query('SHOW statement_timeout')).rows[0],
      ),
    );
    expect(Number.parseInt(String(timeout.statement_timeout), 10)).to.be.within(1, 5_000);
  });

  it('only run() hands out the session that lock and write methods accept (checked by the compiler)', async () => {
    const transactor = new PgTransactor(db.pool);
    const writeMethod = (tx: TxSession) => tx.inTransaction;
    const kinds = await Promise.all([
      transactor.run(async (tx) => writeMethod(tx)),
      // @ts-expect-error a plain read session is not a transaction session
      transactor.read(async (session) => writeMethod(session)),
      // @ts-expect-error nor is a READ ONLY snapshot
      transactor.snapshot(async (session) => writeMethod(session)),
    ]);
    expect(kinds).to.deep.equal([true, false, true]);
  });
});
