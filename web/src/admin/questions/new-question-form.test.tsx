import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { NewQuestionForm } from './new-question-form';
import { renderWithApi } from '@shared/testing/render-with-api';

const problem = (status: number, body: object) =>
  new Response(JSON.stringify({ type: '/problems/x', title: 'x', status, ...body }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

function renderForm(respond: (body: unknown) => Response) {
  const sent: { url: string; body: unknown }[] = [];
  const server = async (url: string, init: RequestInit) => {
    const body: unknown = JSON.parse(String(init.body));
    sent.push({ url, body });
    return respond(body);
  };
  renderWithApi(
    <MemoryRouter>
      <NewQuestionForm moduleId={7} />
    </MemoryRouter>,
    server,
  );
  return { sent, user: userEvent.setup() };
}

function descriptionOf(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id !== '');
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

const created = {
  id: 91,
  module_id: 7,
  text: 'What does len("abc") return?',
  is_active: true,
  created_at: '2026-12-01T10:00:00Z',
  options: [
    { id: 1, pos: 1, text: '2' },
    { id: 2, pos: 2, text: '3' },
    { id: 3, pos: 3, text: '4' },
  ],
  correct_option_id: 2,
  correct_option_pos: 2,
  usage: { diagnostika: 0, level_exam: 0, rank_final: 0, minitests: 0 },
};

describe('NewQuestionForm', () => {
  it('sends the text, the options in order and the correct position, then empties itself for the next one', async () => {
    const { sent, user } = renderForm(() => Response.json(created, { status: 201 }));
    await user.type(screen.getByLabelText('Question text'), 'What does len("abc") return?');
    await user.type(screen.getByLabelText('Option 1'), '2');
    await user.type(screen.getByLabelText('Option 2'), '3');
    await user.click(screen.getByRole('button', { name: 'Add an option' }));
    await user.type(screen.getByLabelText('Option 3'), '4');
    await user.selectOptions(screen.getByLabelText('Correct option'), 'Option 2');
    await user.click(screen.getByRole('button', { name: 'Add question' }));

    await screen.findByText('Question added.');
    expect(sent).toEqual([
      {
        url: '/api/v1/admin/modules/7/questions',
        body: { text: 'What does len("abc") return?', options: ['2', '3', '4'], correct_option_pos: 2 },
      },
    ]);
    expect(screen.getByRole('link', { name: 'Open it' }).getAttribute('href')).toBe('/admin/questions/91');
    expect((screen.getByLabelText('Question text') as HTMLTextAreaElement).value).toBe('');
    expect(screen.queryByLabelText('Option 3')).toBeNull();
  });

  it('offers 2 to 4 options: no removal below two, no addition above four', async () => {
    const { user } = renderForm(() => Response.json(created));
    expect(screen.queryByRole('button', { name: /^Remove option/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add an option' }));
    await user.click(screen.getByRole('button', { name: 'Add an option' }));
    expect(screen.getByLabelText('Option 4')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add an option' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Remove option 3' }));
    expect(screen.queryByLabelText('Option 4')).toBeNull();
    expect(screen.getAllByRole('button', { name: /^Remove option/ })).toHaveLength(3);
  });

  it('asks for the correct option before calling the server', async () => {
    const { sent, user } = renderForm(() => Response.json(created));
    await user.type(screen.getByLabelText('Question text'), 'Q?');
    await user.click(screen.getByRole('button', { name: 'Add question' }));
    const correct = screen.getByLabelText('Correct option');
    await waitFor(() => expect(correct.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(correct)).toBe('Choose the correct option.');
    expect(sent).toEqual([]);
  });

  it("puts the server's validation errors at the option they name and a taken text at the text", async () => {
    let answer = problem(400, {
      code: 'validation_failed',
      detail: 'The question is invalid',
      errors: [{ code: 'blank', message: 'must not be blank', path: '/body/options/1' }],
    });
    const { user } = renderForm(() => answer);
    await user.type(screen.getByLabelText('Question text'), 'Q?');
    await user.type(screen.getByLabelText('Option 1'), 'yes');
    await user.type(screen.getByLabelText('Option 2'), ' ');
    await user.selectOptions(screen.getByLabelText('Correct option'), 'Option 1');
    await user.click(screen.getByRole('button', { name: 'Add question' }));

    const second = screen.getByLabelText('Option 2');
    await waitFor(() => expect(second.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(second)).toBe('must not be blank');
    expect(screen.getByLabelText('Option 1').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();

    answer = problem(409, { code: 'name_taken', detail: 'The module already has a question with this text' });
    await user.click(screen.getByRole('button', { name: 'Add question' }));
    const text = screen.getByLabelText('Question text');
    await waitFor(() => expect(text.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(text)).toBe('The module already has a question with this text');
  });
});
