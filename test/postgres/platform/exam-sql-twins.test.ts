import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseSqlFile } from '../../../src/adapters/postgres/sql-catalogue.js';
import { SQL_DIR } from '../../../src/config/project-paths.js';

/**
 * Level exams and rank finals run the same queries against twin tables. The two SQL files are
 * committed as real SQL; this proves they differ only by the table prefix (which also prefixes
 * every constraint and index name), so a change to one kind cannot silently skip the other.
 */
const read = (file: string) => readFileSync(join(SQL_DIR, 'exams', file), 'utf8');

/** Query name → text with the kind's prefix replaced by a neutral one and whitespace collapsed. */
function normalised(text: string, prefix: string): Map<string, string> {
  const neutral = new Map<string, string>();
  for (const [key, sql] of parseSqlFile(text, 'exams/twin')) {
    const body = sql
      .split('\n')
      .filter((line) => !/^\s*--/.test(line))
      .join('\n')
      .replaceAll(new RegExp(`\\b${prefix}`, 'g'), 'KIND_')
      .replace(/\s+/g, ' ')
      .trim();
    neutral.set(key, body);
  }
  return neutral;
}

describe('exam SQL twins (sql/exams/attempts.sql and rank-final-attempts.sql)', () => {
  const level = read('attempts.sql');
  const rankFinal = read('rank-final-attempts.sql');

  it('name the same queries with the same text but for the table prefix', () => {
    const levelQueries = normalised(level, 'level_exam_');
    const rankQueries = normalised(rankFinal, 'rank_final_');
    expect([...rankQueries.keys()]).to.deep.equal([...levelQueries.keys()]);
    for (const [key, sql] of levelQueries) expect(rankQueries.get(key), key).to.equal(sql);
  });

  it('each touches only its own kind’s tables', () => {
    const code = (text: string) => [...parseSqlFile(text, 'x').values()].join('\n');
    expect(code(level)).to.match(/\blevel_exam_attempts\b/);
    expect(code(level)).not.to.match(/\brank_final_/);
    expect(code(rankFinal)).to.match(/\brank_final_attempts\b/);
    expect(code(rankFinal)).not.to.match(/\blevel_exam_/);
  });

  it('would notice a difference beyond the prefix', () => {
    const drifted = rankFinal.replace('WHERE user_id = $1 AND stage_id = $2', 'WHERE user_id = $1');
    expect(drifted).not.to.equal(rankFinal);
    const levelQueries = normalised(level, 'level_exam_');
    const driftedQueries = normalised(drifted, 'rank_final_');
    expect([...driftedQueries].some(([key, sql]) => levelQueries.get(key) !== sql)).to.equal(true);
  });
});
