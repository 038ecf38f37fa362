import type { Answer, LearnerQuestion } from '@contract';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { setupI18n } from '../../i18n/i18n';
import { QuestionRunner } from '../question-runner';

const questions: LearnerQuestion[] = [1, 2, 3].map((n) => ({
  id: 100 + n,
  module_id: 1,
  text: `Question text ${n}`,
  options: [1, 2, 3, 4].map((pos) => ({ id: n * 10 + pos, pos, text: `Option ${n}.${pos}` })),
}));

function renderRunner(props: Partial<Parameters<typeof QuestionRunner>[0]> = {}) {
  const onSubmit = vi.fn<(answers: Answer[]) => void>();
  render(
    <I18nextProvider i18n={setupI18n('en')}>
      <QuestionRunner questions={questions} onSubmit={onSubmit} isSubmitting={false} {...props} />
    </I18nextProvider>,
  );
  return { onSubmit, user: userEvent.setup() };
}

describe('QuestionRunner', () => {
  it('shows progress, moves between questions and submits every answer after confirmation', async () => {
    const { onSubmit, user } = renderRunner();
    expect(screen.getByText('Question 1 of 3')).toBeDefined();
    expect(screen.getByText('Answered: 0 of 3')).toBeDefined();

    await user.click(screen.getByRole('radio', { name: 'Option 1.2' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Question 2 of 3')).toBeDefined();
    await user.click(screen.getByRole('radio', { name: 'Option 2.4' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('radio', { name: 'Option 3.1' }));
    expect(screen.getByText('Answered: 3 of 3')).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Submit answers' }));
    const dialog = screen.getByRole('dialog', { name: 'Submit your answers?' });
    expect(within(dialog).getByText(/You answered 3 of 3 questions/)).toBeDefined();
    expect(onSubmit).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Submit' }));
    expect(onSubmit).toHaveBeenCalledWith([
      { question_id: 101, selected_option_id: 12 },
      { question_id: 102, selected_option_id: 24 },
      { question_id: 103, selected_option_id: 31 },
    ]);
  });

  it('warns about unanswered questions and cancels without submitting', async () => {
    const { onSubmit, user } = renderRunner();
    await user.click(screen.getByRole('button', { name: 'Question 3' }));
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('3 questions are unanswered.')).toBeDefined();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('keeps each answer when moving back, restores saved answers and reports every change (the autosave seam)', async () => {
    const onAnswersChange = vi.fn();
    const { user } = renderRunner({ initialAnswers: [{ question_id: 102, selected_option_id: 23 }], onAnswersChange });
    expect(screen.getByText('Answered: 1 of 3')).toBeDefined();
    expect(screen.getByRole('button', { name: 'Question 2, answered' })).toBeDefined();
    await user.click(screen.getByRole('radio', { name: 'Option 1.1' }));
    expect(onAnswersChange).toHaveBeenLastCalledWith([
      { question_id: 101, selected_option_id: 11 },
      { question_id: 102, selected_option_id: 23 },
    ]);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect((screen.getByRole('radio', { name: 'Option 1.1' }) as HTMLInputElement).checked).toBe(true);
  });

  it('is operable with the keyboard alone', async () => {
    const { onSubmit, user } = renderRunner({ questions: questions.slice(0, 1) });
    await user.tab(); // into the radio group
    await user.keyboard('{ArrowDown}'); // moves to and selects the second option
    expect((screen.getByRole('radio', { name: 'Option 1.2' }) as HTMLInputElement).checked).toBe(true);
    screen.getByRole('button', { name: 'Submit answers' }).focus();
    await user.keyboard('{Enter}');
    const confirm = within(screen.getByRole('dialog')).getByRole('button', { name: 'Submit' });
    confirm.focus();
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledWith([{ question_id: 101, selected_option_id: 12 }]);
  });

  it('speaks Russian with its plural forms', async () => {
    const i18n = setupI18n('ru');
    expect(i18n.t('runner.confirmUnanswered', { count: 1 })).toBe('Без ответа 1 вопрос.');
    expect(i18n.t('runner.confirmUnanswered', { count: 3 })).toBe('Без ответа 3 вопроса.');
    expect(i18n.t('runner.confirmUnanswered', { count: 5 })).toBe('Без ответа 5 вопросов.');
  });
});
