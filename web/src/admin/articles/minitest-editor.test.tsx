import type { AdminArticle, AdminQuestion } from '@contract';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MinitestEditor } from './minitest-editor';
import { renderWithApi } from '@shared/testing/render-with-api';

const article: AdminArticle = {
  id: 301,
  track_id: 1,
  module_id: 4,
  stage_id: 2,
  kind: 'required',
  position: 1,
  title: 'Lists in depth',
  content_ref: 'python/lists',
  body: '# Lists',
  is_active: true,
  created_at: '2026-12-01T10:00:00Z',
  minitest_question_ids: [],
};

const question = (id: number, isActive = true): AdminQuestion => ({
  id,
  module_id: 4,
  text: `Question ${id}?`,
  is_active: isActive,
  created_at: '2026-12-01T10:00:00Z',
  options: [
    { id: id * 10, pos: 1, text: 'a' },
    { id: id * 10 + 1, pos: 2, text: 'b' },
  ],
  correct_option_id: id * 10,
  correct_option_pos: 1,
  usage: { diagnostika: 0, level_exam: 0, rank_final: 0, minitests: 0 },
});

function renderEditor(onPut: (body: { question_ids: number[] }) => Response) {
  const puts: unknown[] = [];
  const server = async (url: string, init: RequestInit) => {
    if (init.method === 'GET') {
      expect(url).toBe('/api/v1/admin/modules/4/questions?limit=50');
      return Response.json({
        items: [question(11), question(12), question(13, false), question(14)],
        next_cursor: null,
      });
    }
    const body = JSON.parse(String(init.body)) as { question_ids: number[] };
    puts.push({ url, body });
    return onPut(body);
  };
  renderWithApi(<MinitestEditor article={article} />, server);
  return { puts, user: userEvent.setup() };
}

describe('MinitestEditor', () => {
  it("offers the module's active questions and saves the chosen ones in the order they were ticked", async () => {
    const { puts, user } = renderEditor((body) =>
      Response.json({ ...article, minitest_question_ids: body.question_ids }),
    );
    await screen.findByLabelText('Question 11?');
    expect(screen.queryByLabelText(/Question 13\?/)).toBeNull();
    await user.click(screen.getByLabelText(/Question 14\?/));
    await user.click(screen.getByLabelText(/Question 11\?/));
    await user.click(screen.getByLabelText(/Question 12\?/));
    expect(screen.getByRole('group').querySelector('legend')?.textContent).toContain('3 chosen');
    await user.click(screen.getByRole('button', { name: 'Save minitest' }));
    await screen.findByText('Minitest saved.');
    expect(puts).toEqual([{ url: '/api/v1/admin/articles/301/minitest', body: { question_ids: [14, 11, 12] } }]);
  });

  it('lists every rule the server reports under the choices and announces it with them', async () => {
    const { user } = renderEditor(
      () =>
        new Response(
          JSON.stringify({
            type: '/problems/minitest_invalid',
            title: 'Minitest invalid',
            status: 422,
            detail: 'The minitest breaks 1 rule(s)',
            code: 'minitest_invalid',
            errors: [
              {
                code: 'question_count',
                message: 'a minitest has exactly 3 questions, got 1',
                path: '/body/question_ids',
              },
            ],
          }),
          { status: 422, headers: { 'content-type': 'application/problem+json' } },
        ),
    );
    await user.click(await screen.findByLabelText(/Question 11\?/));
    await user.click(screen.getByRole('button', { name: 'Save minitest' }));
    const group = screen.getByRole('group');
    await waitFor(() => expect(group.getAttribute('aria-describedby')).not.toBeNull());
    const described = document.getElementById(group.getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe('a minitest has exactly 3 questions, got 1');
  });
});
