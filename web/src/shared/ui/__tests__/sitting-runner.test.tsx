import type { AnswerChange, SavedAnswers, SittingQuestion } from '@contract';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAutosave } from '../../api/autosave';
import { setupI18n } from '../../i18n/i18n';
import { SittingRunner } from '../sitting-runner';
import { formatDuration, TimeLeft } from '../sitting-status';

const questions: SittingQuestion[] = [1, 2, 3].map((n) => ({
  id: 100 + n,
  module_id: 1,
  text: `Question text ${n}`,
  options: [1, 2, 3].map((pos) => ({ id: n * 10 + pos, pos, text: `Option ${n}.${pos}` })),
  selected_option_id: n === 2 ? 23 : null,
}));

const savedAnswers = (answered: number): SavedAnswers => ({
  saved: 1,
  answered,
  total_q: 3,
  deadline_at: null,
  now: new Date().toISOString(),
});

function renderSitting(save: (answers: AnswerChange[]) => Promise<SavedAnswers>, deadlineAt: string | null = null) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nextProvider i18n={setupI18n('en')}>
        <SittingRunner
          questions={questions}
          deadlineAt={deadlineAt}
          serverNow={new Date().toISOString()}
          save={save}
          onSubmit={vi.fn()}
          isSubmitting={false}
        />
      </I18nextProvider>
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

describe('SittingRunner (docs/product.md, "Exam sittings")', () => {
  it('restores the saved choices and autosaves each new choice, only what changed, announcing the status', async () => {
    const save = vi.fn((_answers: AnswerChange[]) => Promise.resolve(savedAnswers(2)));
    const user = renderSitting(save);
    expect(screen.getByText('Answered: 1 of 3')).toBeDefined();
    expect(screen.getByText('No time limit.')).toBeDefined();
    await user.click(screen.getByRole('radio', { name: 'Option 1.3' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('All answers saved.'));
    expect(save.mock.calls.map((call) => call[0])).toEqual([[{ question_id: 101, selected_option_id: 13 }]]);
    expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite');

    await user.click(screen.getByRole('button', { name: 'Question 2, answered' }));
    expect((screen.getByRole('radio', { name: 'Option 2.3' }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'Option 2.1' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    expect(save.mock.calls[1]![0]).toEqual([{ question_id: 102, selected_option_id: 21 }]);
  });

  it('says so when a save fails and sends the unsaved choice again with the next one', async () => {
    const save = vi
      .fn((_answers: AnswerChange[]) => Promise.resolve(savedAnswers(3)))
      .mockRejectedValueOnce(new Error('offline'));
    const user = renderSitting(save);
    await user.click(screen.getByRole('radio', { name: 'Option 1.1' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Not saved yet/));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('radio', { name: 'Option 3.2' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('All answers saved.'));
    expect(save.mock.calls[1]![0]).toEqual([
      { question_id: 101, selected_option_id: 11 },
      { question_id: 103, selected_option_id: 32 },
    ]);
  });

  it('sends a choice made while a save is on its way in the next request, never two at once', async () => {
    let release: (value: SavedAnswers) => void = () => undefined;
    const save = vi
      .fn((_answers: AnswerChange[]) => Promise.resolve(savedAnswers(3)))
      .mockImplementationOnce(() => new Promise<SavedAnswers>((resolve) => (release = resolve)));
    const user = renderSitting(save);
    await user.click(screen.getByRole('radio', { name: 'Option 1.1' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('status').textContent).toBe('Saving your answers…');
    await user.click(screen.getByRole('radio', { name: 'Option 1.3' }));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(save).toHaveBeenCalledTimes(1);
    await act(async () => release(savedAnswers(2)));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    expect(save.mock.calls[1]![0]).toEqual([{ question_id: 101, selected_option_id: 13 }]);
  });

  it('submits only once the save on its way has landed, and saves nothing after the submit', async () => {
    let release: (value: SavedAnswers) => void = () => undefined;
    const save = vi.fn(() => new Promise<SavedAnswers>((resolve) => (release = resolve)));
    const onSubmit = vi.fn();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <I18nextProvider i18n={setupI18n('en')}>
          <SittingRunner
            questions={questions.slice(0, 1)}
            deadlineAt={null}
            serverNow={new Date().toISOString()}
            save={save}
            onSubmit={onSubmit}
            isSubmitting={false}
          />
        </I18nextProvider>
      </QueryClientProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Option 1.2' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    await user.click(screen.getByRole('radio', { name: 'Option 1.3' }));
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(onSubmit).not.toHaveBeenCalled();
    await act(async () => release(savedAnswers(1)));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith([{ question_id: 101, selected_option_id: 13 }]));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('shows the time left of a timed sitting', () => {
    renderSitting(() => Promise.resolve(savedAnswers(1)), new Date(Date.now() + 10 * 60_000).toISOString());
    expect(screen.getByRole('timer').textContent).toMatch(/^Time left: (10:00|9:59)$/);
  });
});

describe('useAutosave', () => {
  afterEach(() => vi.useRealTimers());

  it('sends choices made within the delay in one request, with only what the server lacks', async () => {
    // Fake timers: "within the delay" holds however slow the machine running the test is.
    vi.useFakeTimers();
    const save = vi.fn((_answers: AnswerChange[]) => Promise.resolve(savedAnswers(2)));
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(
      () => useAutosave(save, { initial: [{ question_id: 102, selected_option_id: 23 }], delayMs: 400 }),
      { wrapper },
    );
    act(() => result.current.queue([{ question_id: 101, selected_option_id: 11 }]));
    await act(() => vi.advanceTimersByTimeAsync(300));
    act(() =>
      result.current.queue([
        { question_id: 101, selected_option_id: 12 },
        { question_id: 102, selected_option_id: 23 },
      ]),
    );
    await act(() => vi.advanceTimersByTimeAsync(300));
    expect(save).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(save.mock.calls.map((call) => call[0])).toEqual([[{ question_id: 101, selected_option_id: 12 }]]);
    expect(result.current.status).toBe('saved');
    // A question dropped from the sheet is cleared on the server.
    act(() => result.current.queue([{ question_id: 101, selected_option_id: 12 }]));
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(save.mock.calls[1]![0]).toEqual([{ question_id: 102, selected_option_id: null }]);
  });
});

describe('TimeLeft', () => {
  afterEach(() => vi.useRealTimers());

  const renderTimeLeft = (deadlineAt: string, serverOffsetMs: number) =>
    render(
      <I18nextProvider i18n={setupI18n('en')}>
        <TimeLeft deadlineAt={deadlineAt} serverOffsetMs={serverOffsetMs} />
      </I18nextProvider>,
    );

  it("counts on the server's clock, not the device's", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-05-01T10:00:00.000Z'));
    // The device runs an hour behind the server: the server's now is 11:00, the deadline 11:10.
    renderTimeLeft('2026-05-01T11:10:00.000Z', 3_600_000);
    expect(screen.getByRole('timer').textContent).toBe('Time left: 10:00');
    act(() => vi.advanceTimersByTime(61_000));
    expect(screen.getByRole('timer').textContent).toBe('Time left: 8:59');
  });

  it('announces five minutes, one minute and the end politely, once each', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-05-01T10:00:00.000Z'));
    const { container } = renderTimeLeft('2026-05-01T10:05:01.000Z', 0);
    const live = container.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toBe('');
    act(() => vi.advanceTimersByTime(2_000));
    expect(live.textContent).toBe('Five minutes left.');
    act(() => vi.advanceTimersByTime(4 * 60_000));
    expect(live.textContent).toBe('One minute left.');
    act(() => vi.advanceTimersByTime(60_000));
    expect(live.textContent).toBe('Time is up: submit now, or your saved answers are scored.');
    expect(screen.getByRole('timer').textContent).toBe('Time is up: submit now, or your saved answers are scored.');
  });

  it('formats hours, minutes and seconds', () => {
    expect(formatDuration(75_000)).toBe('1:15');
    expect(formatDuration(3_700_000)).toBe('1:01:40');
    expect(formatDuration(-5)).toBe('0:00');
  });
});
