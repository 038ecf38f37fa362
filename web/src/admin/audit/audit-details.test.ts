import { describe, expect, it } from 'vitest';
import { detailLines } from './audit-details';

describe('detailLines', () => {
  it('reads flat, nested and list details the way a person would', () => {
    expect(
      detailLines({
        is_active: false,
        note: 'Harder level exams',
        overrides: { level_exam_pass_score: 17 },
        created: { tracks: 1, modules: 2 },
        minitest: [11, 12, 13],
        comment: null,
        empty: {},
      }),
    ).toEqual([
      { name: 'is_active', value: 'false' },
      { name: 'note', value: 'Harder level exams' },
      { name: 'overrides', value: 'level_exam_pass_score 17' },
      { name: 'created', value: 'tracks 1, modules 2' },
      { name: 'minitest', value: '11, 12, 13' },
      { name: 'comment', value: '—' },
      { name: 'empty', value: '—' },
    ]);
  });

  it('has no line for an entry without details', () => {
    expect(detailLines({})).toEqual([]);
  });
});
