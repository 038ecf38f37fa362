import type { Answer, LearnerQuestion } from '@contract';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { ConfirmDialog } from './confirm-dialog';
import styles from './question-runner.module.css';
import { ErrorState } from './states';

export interface QuestionRunnerProps {
  readonly questions: readonly LearnerQuestion[];
  readonly onSubmit: (answers: Answer[]) => void;
  readonly isSubmitting: boolean;
  readonly submitError?: unknown;
  /** Answers saved earlier (a resumed attempt, once the API keeps them). */
  readonly initialAnswers?: readonly Answer[];
  /** Called after every choice: the seam for autosaving answers to the server. */
  readonly onAnswersChange?: (answers: Answer[]) => void;
  /** Shown beside the progress: the seam for a time limit's countdown. */
  readonly timeLeft?: ReactNode;
  /** Shown beside the progress too: how the autosave is doing. */
  readonly status?: ReactNode;
}

/**
 * Diagnostika, minitests and exams alike: one question at a time with progress, free movement between
 * questions, and a confirmation (with the number left unanswered) before the answers are submitted.
 */
export function QuestionRunner(props: QuestionRunnerProps) {
  const { questions, onSubmit, isSubmitting, submitError, onAnswersChange, timeLeft, status } = props;
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const [selected, setSelected] = useState<ReadonlyMap<number, number>>(
    () => new Map((props.initialAnswers ?? []).map((answer) => [answer.question_id, answer.selected_option_id])),
  );
  // Moving to another question moves the focus into its options, so keyboard and screen-reader
  // users land on the new question (the button they pressed may no longer exist: Next → Submit).
  const optionsRef = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    const radios = optionsRef.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    const target = [...(radios ?? [])].find((radio) => radio.checked) ?? radios?.[0];
    target?.focus();
  }, [index]);
  const goTo = (next: number) => {
    moved.current = true;
    setIndex(next);
  };
  const question = questions[index];
  if (question === undefined) return null;
  const total = questions.length;
  const answered = questions.filter((q) => selected.has(q.id)).length;
  const answers = (map: ReadonlyMap<number, number>): Answer[] =>
    questions.flatMap((q) => {
      const option = map.get(q.id);
      return option === undefined ? [] : [{ question_id: q.id, selected_option_id: option }];
    });

  function choose(value: string) {
    const next = new Map(selected).set(question!.id, Number(value));
    setSelected(next);
    onAnswersChange?.(answers(next));
  }

  return (
    <section className={styles.runner} aria-label={t('runner.progress', { current: index + 1, total })}>
      <div className={styles.status}>
        <span>{t('runner.progress', { current: index + 1, total })}</span>
        <span>{t('runner.answered', { answered, total })}</span>
        {timeLeft ?? <span>{t('runner.timeSeam')}</span>}
        {status}
      </div>
      <progress
        className={styles.meter}
        max={total}
        value={answered}
        aria-label={t('runner.answered', { answered, total })}
      />
      <div ref={optionsRef}>
        <RadioGroup
          key={question.id}
          value={selected.has(question.id) ? String(selected.get(question.id)) : null}
          onChange={choose}
          className={styles.options}
        >
          <Label className={styles.question}>{question.text}</Label>
          {question.options.map((option) => (
            <Radio key={option.id} value={String(option.id)} className={styles.option}>
              <span className={styles.radio} aria-hidden="true" />
              {option.text}
            </Radio>
          ))}
        </RadioGroup>
      </div>
      {submitError !== undefined && submitError !== null && <ErrorState error={submitError} />}
      <div className={styles.actions}>
        <Button variant="secondary" isDisabled={index === 0} onPress={() => goTo(index - 1)}>
          {t('runner.previous')}
        </Button>
        {index < total - 1 ? (
          <Button onPress={() => goTo(index + 1)}>{t('runner.next')}</Button>
        ) : (
          <ConfirmDialog
            trigger={t('runner.submit')}
            title={t('runner.confirmTitle')}
            confirmLabel={t('runner.confirm')}
            isDisabled={isSubmitting}
            onConfirm={() => onSubmit(answers(selected))}
          >
            <p>{t('runner.confirmBody', { answered, total })}</p>
            {answered < total && <p>{t('runner.confirmUnanswered', { count: total - answered })}</p>}
          </ConfirmDialog>
        )}
      </div>
      <nav aria-label={t('runner.questionList')}>
        <ul className={styles.jumps}>
          {questions.map((q, i) => (
            <li key={q.id}>
              <button
                type="button"
                className={selected.has(q.id) ? `${styles.jump} ${styles.jumpAnswered}` : styles.jump}
                aria-current={i === index ? 'step' : undefined}
                aria-label={t(selected.has(q.id) ? 'runner.jumpAnswered' : 'runner.jump', { n: i + 1 })}
                onClick={() => goTo(i)}
              >
                {i + 1}
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </section>
  );
}
