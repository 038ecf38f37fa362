import type { Answer, AnswerChange, SavedAnswers, SittingQuestion } from '@contract';
import { useEffect, useState } from 'react';
import { useAutosave } from '../api/autosave';
import { serverClockOffset } from '../api/sittings';
import { QuestionRunner } from './question-runner';
import { SavingStatus, TimeLeft } from './sitting-status';

export interface SittingRunnerProps {
  readonly questions: readonly SittingQuestion[];
  /** null: untimed. */
  readonly deadlineAt: string | null;
  /** The server's clock when the sitting was started or resumed. */
  readonly serverNow: string;
  readonly save: (answers: AnswerChange[]) => Promise<SavedAnswers>;
  readonly onSubmit: (answers: Answer[]) => void;
  readonly isSubmitting: boolean;
  readonly submitError?: unknown;
}

/**
 * A diagnostika or exam sitting (docs/product.md, "Exam sittings"): the question runner with the saved choices
 * restored, every choice autosaved, and the time left counted on the server's clock (re-read from each save).
 * Key it by the attempt: a new attempt starts from its own saved sheet.
 */
export function SittingRunner(props: SittingRunnerProps) {
  const { questions, deadlineAt } = props;
  const [initial] = useState(() =>
    questions.flatMap((q) =>
      q.selected_option_id === null ? [] : [{ question_id: q.id, selected_option_id: q.selected_option_id }],
    ),
  );
  const [serverOffsetMs, setServerOffsetMs] = useState(() => serverClockOffset(props.serverNow));
  const autosave = useAutosave(props.save, {
    initial,
    onSaved: (saved) => setServerOffsetMs(serverClockOffset(saved.now)),
  });
  const { submitError } = props;
  const { resume } = autosave;
  useEffect(() => {
    if (submitError !== undefined && submitError !== null) resume();
  }, [submitError, resume]);
  return (
    <QuestionRunner
      questions={questions}
      initialAnswers={initial}
      onAnswersChange={autosave.queue}
      isSubmitting={props.isSubmitting}
      submitError={submitError}
      onSubmit={(answers) => void autosave.stop().then(() => props.onSubmit(answers))}
      timeLeft={deadlineAt === null ? undefined : <TimeLeft deadlineAt={deadlineAt} serverOffsetMs={serverOffsetMs} />}
      status={<SavingStatus status={autosave.status} />}
    />
  );
}
