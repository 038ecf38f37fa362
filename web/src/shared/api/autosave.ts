import type { Answer, AnswerChange, SavedAnswers } from '@contract';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from './api-error';

export type AutosaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

/** The changes that turn the sheet the server holds into the one the learner has (null clears). */
function changesBetween(held: ReadonlyMap<number, number>, wanted: ReadonlyMap<number, number>): AnswerChange[] {
  const changes: AnswerChange[] = [];
  for (const [question, option] of wanted)
    if (held.get(question) !== option) changes.push({ question_id: question, selected_option_id: option });
  for (const question of held.keys())
    if (!wanted.has(question)) changes.push({ question_id: question, selected_option_id: null });
  return changes;
}

/**
 * Saves a sitting's answers as the learner chooses them (docs/product.md, "Exam sittings"): changes made within
 * `delayMs` of each other travel in one request, one request at a time, each carrying only what the server does
 * not hold yet. A failed save is retried with the next choice; the submit sends the whole sheet anyway.
 */
export function useAutosave(
  save: (answers: AnswerChange[]) => Promise<SavedAnswers>,
  options: {
    readonly initial: readonly Answer[];
    readonly delayMs?: number;
    readonly onSaved?: (saved: SavedAnswers) => void;
  },
) {
  const { delayMs = 400, onSaved } = options;
  const mutation = useMutation<SavedAnswers, ApiError, AnswerChange[]>({ mutationFn: save });
  const { mutateAsync } = mutation;
  const [initial] = useState<ReadonlyMap<number, number>>(
    () => new Map(options.initial.map((a) => [a.question_id, a.selected_option_id])),
  );
  const held = useRef(initial);
  const wanted = useRef(initial);
  const inFlight = useRef<Promise<void> | null>(null);
  const stopped = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [status, setStatus] = useState<AutosaveStatus>('idle');

  const flush = useCallback((): Promise<void> => {
    if (inFlight.current !== null || stopped.current) return inFlight.current ?? Promise.resolve();
    const run = async () => {
      try {
        // Choices made while a request was on its way follow at once, in the next one.
        for (;;) {
          const changes = changesBetween(held.current, wanted.current);
          if (changes.length === 0 || stopped.current) break;
          setStatus('saving');
          const sent = wanted.current;
          const saved = await mutateAsync(changes);
          held.current = sent;
          onSaved?.(saved);
        }
        setStatus('saved');
      } catch {
        setStatus('failed');
      } finally {
        inFlight.current = null;
      }
    };
    inFlight.current = run();
    return inFlight.current;
  }, [mutateAsync, onSaved]);

  const queue = useCallback(
    (sheet: readonly Answer[]) => {
      wanted.current = new Map(sheet.map((a) => [a.question_id, a.selected_option_id]));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush],
  );

  /**
   * Before the submit (which carries the whole sheet): no further save is sent, and the one on its way has
   * landed, so no save of this sitting reaches the server after its submit.
   */
  const stop = useCallback(async (): Promise<void> => {
    stopped.current = true;
    clearTimeout(timer.current);
    await inFlight.current;
  }, []);

  /** After a submit that failed: the learner answers on, and so does the autosave. */
  const resume = useCallback(() => {
    stopped.current = false;
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);
  return { status, queue, stop, resume };
}
