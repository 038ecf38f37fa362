import { requiredText, throwIfInvalid } from '../../domain/authoring/authoring-text.rules.js';
import { assertTextEditable, normalizeNewQuestion } from '../../domain/authoring/question.rules.js';
import type { AdminActor } from '../../domain/identity/actor.js';
import { notFound, type ErrorItem } from '../../domain/shared/domain-error.js';
import type { AdminAuditLog } from '../ports/admin-audit-log.port.js';
import type { Transactor } from '../ports/transactor.port.js';
import type { AdminQuestion, QuestionAuthoring } from './authoring.ports.js';

export interface QuestionBankDeps {
  readonly transactor: Transactor;
  readonly questions: QuestionAuthoring;
  readonly audit: AdminAuditLog;
}

/** GET /admin/modules/{module_id}/questions: one page, by id. */
export const listQuestions =
  (deps: QuestionBankDeps) =>
  async (moduleId: number, page: { afterId?: number; limit: number }, _actor: AdminActor): Promise<AdminQuestion[]> =>
    deps.transactor.snapshot(async (db) => {
      if (!(await deps.questions.moduleExists(db, moduleId))) throw notFound(`Module ${moduleId}`);
      return deps.questions.list(db, moduleId, page);
    });

/** GET /admin/questions/{question_id}: with its correct option (admins only). */
export const getQuestion =
  (deps: QuestionBankDeps) =>
  async (questionId: number, _actor: AdminActor): Promise<AdminQuestion> => {
    const question = await deps.transactor.read((db) => deps.questions.find(db, questionId));
    if (question === undefined) throw notFound(`Question ${questionId}`);
    return question;
  };

/** POST /admin/modules/{module_id}/questions: created active. */
export const createQuestion =
  (deps: QuestionBankDeps) =>
  async (
    moduleId: number,
    input: { text: string; options: readonly string[]; correctOptionPos: number },
    actor: AdminActor,
  ): Promise<AdminQuestion> => {
    const question = normalizeNewQuestion({
      text: input.text,
      options: input.options,
      correctPos: input.correctOptionPos,
    });
    return deps.transactor.run(async (tx) => {
      if (!(await deps.questions.moduleExists(tx, moduleId))) throw notFound(`Module ${moduleId}`);
      const id = await deps.questions.insert(tx, moduleId, question);
      await deps.audit.record(tx, {
        adminId: actor.adminId,
        action: 'question.create',
        entityType: 'question',
        entityId: id,
        details: { moduleId },
      });
      return (await deps.questions.find(tx, id))!;
    });
  };

/**
 * PATCH /admin/questions/{question_id}: (de)activate any time; change the text only while no
 * attempt has used the question (409 question_in_use). The row is locked before usage is counted,
 * so an exam that is adding the question right now either commits first (and is counted) or waits.
 */
export const editQuestion =
  (deps: QuestionBankDeps) =>
  async (
    questionId: number,
    change: { text?: string; isActive?: boolean },
    actor: AdminActor,
  ): Promise<AdminQuestion> => {
    const errors: ErrorItem[] = [];
    const text = change.text === undefined ? undefined : requiredText(change.text, ['text'], errors);
    throwIfInvalid(errors, 'The question is invalid');
    return deps.transactor.run(async (tx) => {
      const current = await deps.questions.lock(tx, questionId);
      if (current === undefined) throw notFound(`Question ${questionId}`);
      const textChanges = text !== undefined && text !== current.text;
      if (textChanges) assertTextEditable(questionId, await deps.questions.usage(tx, questionId));
      await deps.questions.update(tx, questionId, {
        text: text ?? current.text,
        isActive: change.isActive ?? current.isActive,
      });
      await deps.audit.record(tx, {
        adminId: actor.adminId,
        action: 'question.update',
        entityType: 'question',
        entityId: questionId,
        details: {
          ...(textChanges ? { text: { from: current.text, to: text } } : {}),
          ...(change.isActive === undefined ? {} : { isActive: change.isActive }),
        },
      });
      return (await deps.questions.find(tx, questionId))!;
    });
  };
