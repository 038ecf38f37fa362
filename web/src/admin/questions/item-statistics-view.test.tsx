import type { ItemStatistics } from '@contract';
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { setupI18n } from '@shared/i18n/i18n';
import { ItemStatisticsView } from './item-statistics-view';

const misKeyed: ItemStatistics = {
  responses: 412,
  facility: 0.41,
  discrimination: -0.22,
  flags: ['negative_discrimination', 'distractor_beats_key'],
  options: [
    { option_id: 521, pos: 1, is_correct: true, chosen: 169, chosen_share: 0.41, mean_rest_score: 0.48 },
    { option_id: 522, pos: 2, is_correct: false, chosen: 201, chosen_share: 0.488, mean_rest_score: 0.71 },
    { option_id: 523, pos: 3, is_correct: false, chosen: 0, chosen_share: 0, mean_rest_score: null },
  ],
};

function show(statistics: ItemStatistics, language: 'en' | 'ru' = 'en') {
  render(
    <I18nextProvider i18n={setupI18n(language)}>
      <ItemStatisticsView
        statistics={statistics}
        caption="Options"
        optionText={(id) => ({ 521: 'HAVING', 522: 'WHERE' })[id]}
      />
    </I18nextProvider>,
  );
}

describe('ItemStatisticsView', () => {
  it('explains every flag in words and shows per option its choosers, share and mean rest score', () => {
    show(misKeyed);
    const flags = within(screen.getByRole('list', { name: 'Flags' })).getAllByRole('listitem');
    expect(flags.map((f) => f.textContent)).toEqual([
      expect.stringMatching(/^Negative discrimination\. Learners who do well elsewhere get it wrong more often/),
      expect.stringMatching(/^A wrong option beats the key\. .*likely mis-keyed/),
    ]);
    const figure = (term: string) => screen.getByText(term).nextElementSibling?.textContent;
    expect(figure('Responses')).toBe('412');
    expect(figure('Facility (share correct)')).toBe('41%');
    expect(figure('Discrimination')).toBe('-0.22');
    const rows = within(screen.getByRole('table', { name: 'Options' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['Option 1: HAVING (correct)', '169', '41%', '48%'],
      ['Option 2: WHERE', '201', '48.8%', '71%'],
      ['Option 3', '0', '0%', '—'],
    ]);
  });

  it('says when there is nothing to flag and when discrimination cannot be computed yet', () => {
    show({ ...misKeyed, responses: 1, facility: 1, discrimination: null, flags: [] });
    expect(screen.getByText(/^No flags:/)).toBeTruthy();
    expect(screen.getByText('Discrimination').nextElementSibling?.textContent).toBe('not enough data');
    expect(screen.queryByRole('list', { name: 'Flags' })).toBeNull();
  });

  it('speaks Russian', () => {
    show(misKeyed, 'ru');
    expect(screen.getByRole('list', { name: 'Пометки' }).textContent).toContain('вероятно, ключ указан неверно');
  });
});
