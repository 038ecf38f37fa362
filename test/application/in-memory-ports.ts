import { expect } from 'chai';
import type { Session, Transactor, TxSession } from '../../src/application/ports/transactor.port.js';
import { DomainError, type ErrorCode } from '../../src/domain/shared/domain-error.js';

/**
 * A port implemented by the given methods only. A use case that calls anything else fails the
 * test loudly, so a fake never answers with something the test did not arrange.
 */
export function fakePort<T extends object>(name: string, methods: Partial<T>): T {
  return new Proxy(methods as T, {
    get(target, property, receiver) {
      if (property in target) return Reflect.get(target, property, receiver) as unknown;
      if (property === 'then') return undefined;
      throw new Error(`${name}.${String(property)} was called but the test did not arrange it`);
    },
  });
}

/** The transaction session of the fakes: the brand exists only in the type, as in the adapter. */
export const inMemoryTx = { inTransaction: true } as TxSession;

/** Hands out sessions and records which kind each unit of work ran in (no database). */
export class InMemoryTransactor implements Transactor {
  readonly units: ('run' | 'snapshot' | 'read')[] = [];

  run<T>(work: (tx: TxSession) => Promise<T>): Promise<T> {
    this.units.push('run');
    return work(inMemoryTx);
  }

  snapshot<T>(work: (db: Session) => Promise<T>): Promise<T> {
    this.units.push('snapshot');
    return work({ inTransaction: true });
  }

  read<T>(work: (db: Session) => Promise<T>): Promise<T> {
    this.units.push('read');
    return work({ inTransaction: false });
  }
}

/** Awaits `promise`, asserts it rejects with a DomainError of `code`, and returns the error. */
export async function expectRejection(promise: Promise<unknown>, code: ErrorCode): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(DomainError);
    expect((error as DomainError).code).to.equal(code);
    return error as DomainError;
  }
  return expect.fail(`expected DomainError ${code}, the call succeeded`);
}
