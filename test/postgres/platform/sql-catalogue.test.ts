import { expect } from 'chai';
import { loadSqlCatalogue, parseSqlFile, sqlOf } from '../../../src/adapters/postgres/sql-catalogue.js';

describe('named SQL files', () => {
  it('splits a file into its named queries and ignores the leading comment', () => {
    const queries = parseSqlFile(
      '-- what this file is about\n-- name: findOne\nSELECT 1;\n\n-- name: findTwo\nSELECT 2\nFROM t;\n',
      'ctx/agg',
    );
    expect([...queries.entries()]).to.deep.equal([
      ['ctx/agg.findOne', 'SELECT 1;'],
      ['ctx/agg.findTwo', 'SELECT 2\nFROM t;'],
    ]);
  });

  it('refuses an empty or duplicated query name', () => {
    expect(() => parseSqlFile('-- name: a\n\n-- name: b\nSELECT 1', 'x')).to.throw(/"a" is empty/);
    expect(() => parseSqlFile('-- name: a\nSELECT 1\n-- name: a\nSELECT 2', 'x')).to.throw(/duplicate query "a"/);
  });

  it('loads every file under sql/ once and names queries by folder and file', () => {
    const catalogue = loadSqlCatalogue();
    expect(catalogue.size).to.be.greaterThan(0);
    for (const key of catalogue.keys()) expect(key).to.match(/^[\w/-]+\.[A-Za-z]\w*$/);
  });

  it('fails loudly on a missing query instead of sending undefined to the database', () => {
    expect(() => sqlOf(new Map(), 'exams/attempts.nope')).to.throw(/Missing SQL query "exams\/attempts.nope"/);
  });
});
