import { expect } from 'chai';
import { decodeCursor, encodeCursor, pageJson } from '../../../src/adapters/http/shared/page-cursor.js';
import { keysetPage } from '../../../src/application/shared/keyset-page.js';
import { expectDomainError } from '../../domain/expect-domain-error.js';
import { useApi } from '../../support/api.js';
import { newAdmin } from '../../support/fixtures/identity.js';

describe('the paging module', () => {
  it('round-trips every key through its opaque cursor, which shows no bare number', () => {
    for (const key of [1, 2, 17, 1_000_000, Number.MAX_SAFE_INTEGER]) {
      const cursor = encodeCursor(key);
      expect(cursor).to.match(/^[A-Za-z0-9_-]+$/);
      expect(cursor).not.to.include(String(key));
      expect(decodeCursor(cursor)).to.equal(key);
    }
    expect(decodeCursor(undefined)).to.equal(undefined);
  });

  it('refuses a cursor it did not issue as validation_failed pointing at /query/cursor', () => {
    const forged = [
      'not-a-cursor',
      Buffer.from('after:5').toString('base64url'),
      Buffer.from('{"id":0}').toString('base64url'),
      Buffer.from('{"id":-3}').toString('base64url'),
      Buffer.from('{"id":1.5}').toString('base64url'),
      Buffer.from('{"id":"7"}').toString('base64url'),
      Buffer.from('null').toString('base64url'),
      encodeCursor(12).slice(0, -2),
    ];
    for (const cursor of forged) {
      const error = expectDomainError(() => decodeCursor(cursor), 'validation_failed');
      expect(error.extensions.errors, cursor).to.deep.equal([
        { code: 'cursor', message: 'pass the next_cursor of a previous page unchanged', in: 'query', path: ['cursor'] },
      ]);
    }
  });

  it('asks for limit + 1 rows and announces a next page only when that extra row exists', async () => {
    const rows = [{ id: 3 }, { id: 5 }, { id: 8 }];
    const asked: number[] = [];
    const fetch = async (limitPlusOne: number) => {
      asked.push(limitPlusOne);
      return rows.slice(0, limitPlusOne);
    };
    const full = await keysetPage(2, fetch, (row) => row.id);
    expect(full).to.deep.equal({ items: [{ id: 3 }, { id: 5 }], nextKey: 5 });
    const last = await keysetPage(3, fetch, (row) => row.id);
    expect(last).to.deep.equal({ items: rows, nextKey: null });
    expect(asked).to.deep.equal([3, 4]);
    expect(pageJson(full, (row) => row.id)).to.deep.equal({ items: [3, 5], next_cursor: encodeCursor(5) });
    expect(pageJson(last, (row) => row.id)).to.deep.equal({ items: [3, 5, 8], next_cursor: null });
  });

  describe('on every cursor-paged list', () => {
    const api = useApi();
    const lists = [
      '/api/v1/admin/approvals',
      '/api/v1/admin/users',
      '/api/v1/admin/audit-log',
      '/api/v1/admin/articles',
      '/api/v1/admin/modules/1/questions',
    ];

    it('answers a tampered cursor with 400 validation_failed, and accepts one it issued', async () => {
      const admin = await newAdmin(api);
      // A client that edits the token: still base64url (so the contract lets it through), no longer ours.
      const tampered = Buffer.from('{"id":-4}').toString('base64url');
      for (const list of lists) {
        const response = await api.request('GET', `${list}?cursor=${encodeURIComponent(tampered)}`, {
          token: admin.token,
        });
        expect(response.status, list).to.equal(400);
        expect(response.body.code, list).to.equal('validation_failed');
        expect(response.body.errors, list).to.deep.include({
          code: 'cursor',
          message: 'pass the next_cursor of a previous page unchanged',
          path: '/query/cursor',
        });
        const valid = await api.request('GET', `${list}?cursor=${encodeCursor(1)}`, { token: admin.token });
        expect(valid.status, list).to.equal(200);
      }
    });
  });
});
