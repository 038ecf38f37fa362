import { expect } from 'chai';
import type pg from 'pg';
import type { TestApi } from '../api.js';
import { newLearner, type Learner } from '../fixtures/identity.js';

/**
 * The learner journey walked through the HTTP API against any server (in-process or a server
 * process): the arrange steps of the race scenarios. The API never reveals correct options, so
 * answers are looked up in the database.
 */
type Client = Pick<TestApi, 'request'>;

export interface Served {
  readonly id: number;
  readonly options: readonly { readonly id: number }[];
}

export class JourneyApi {
  constructor(
    private readonly client: Client,
    private readonly pool: pg.Pool,
  ) {}

  /** One answer per question: the first `correct` right, the rest wrong. */
  async answers(
    questions: readonly Served[],
    correct = questions.length,
  ): Promise<{ question_id: number; selected_option_id: number }[]> {
    const { rows } = await this.pool.query('SELECT id, correct_option_id FROM questions WHERE id = ANY($1)', [
      questions.map((q) => q.id),
    ]);
    const right = new Map(rows.map((row) => [Number(row.id), Number(row.correct_option_id)]));
    return questions.map((question, index) => ({
      question_id: question.id,
      selected_option_id:
        index < correct
          ? right.get(question.id)!
          : question.options.find((option) => option.id !== right.get(question.id))!.id,
    }));
  }

  async expectStatus(method: string, path: string, token: string, statuses: number[], body?: unknown) {
    const response = await this.client.request(method, path, { token, ...(body === undefined ? {} : { body }) });
    expect(statuses, `${method} ${path}: ${response.text}`).to.include(response.status);
    return response;
  }

  async startDiagnostika(token: string) {
    return (await this.expectStatus('POST', '/api/v1/diagnostika/start', token, [200, 201])).body as {
      diagnostika_id: number;
      questions: Served[];
    };
  }

  async takeDiagnostika(token: string): Promise<void> {
    const started = await this.startDiagnostika(token);
    await this.expectStatus('POST', '/api/v1/diagnostika/submit', token, [200], {
      diagnostika_id: started.diagnostika_id,
      answers: await this.answers(started.questions),
    });
  }

  async assignContent(token: string) {
    return (await this.expectStatus('POST', '/api/v1/content/assign', token, [200, 201])).body;
  }

  async myContent(token: string): Promise<{ article_id: number; kind: string }[]> {
    return (await this.expectStatus('GET', '/api/v1/content/my', token, [200])).body;
  }

  async passMinitest(token: string, articleId: number) {
    const minitest = await this.expectStatus('GET', `/api/v1/content/${articleId}/minitest`, token, [200]);
    return this.expectStatus('POST', `/api/v1/content/${articleId}/minitest/submit`, token, [200], {
      answers: await this.answers(minitest.body.questions),
    });
  }

  /** Reads every optional article and passes every required minitest of the current stage. */
  async closeReadingList(token: string): Promise<void> {
    for (const item of await this.myContent(token)) {
      if (item.kind === 'optional')
        await this.expectStatus('POST', `/api/v1/content/${item.article_id}/read`, token, [204]);
      else await this.passMinitest(token, item.article_id);
    }
  }

  async startExam(kind: 'level' | 'rank-final', token: string) {
    return (await this.expectStatus('POST', `/api/v1/exams/${kind}/start`, token, [200, 201])).body as {
      attempt_id: number;
      questions: Served[];
    };
  }

  async passExam(kind: 'level' | 'rank-final', token: string) {
    const started = await this.startExam(kind, token);
    return (
      await this.expectStatus('POST', `/api/v1/exams/${kind}/${started.attempt_id}/submit`, token, [200], {
        answers: await this.answers(started.questions),
      })
    ).body;
  }

  /** A new learner whose diagnostika is submitted (trainee, active). */
  async diagnosedLearner(): Promise<Learner> {
    const learner = await newLearner(this.client);
    await this.takeDiagnostika(learner.token);
    return learner;
  }

  /** A new learner eligible for the trainee level exam. */
  async eligibleLearner(): Promise<Learner> {
    const learner = await this.diagnosedLearner();
    await this.assignContent(learner.token);
    await this.closeReadingList(learner.token);
    return learner;
  }

  /** A trainee who passed the level exam: stage pending_approval, one pending rank_transition request. */
  async waitingLearner(): Promise<Learner & { requestId: number }> {
    const learner = await this.eligibleLearner();
    const result = await this.passExam('level', learner.token);
    expect(result.progress.action).to.equal('pending_approval');
    const mine = await this.expectStatus('GET', '/api/v1/approvals/my', learner.token, [200]);
    return { ...learner, requestId: mine.body[0].request_id };
  }

  /** Clears the current (level 1 or 2) stage: content, then a passed level exam that auto-advances. */
  async clearLevelStage(token: string): Promise<void> {
    await this.assignContent(token);
    await this.closeReadingList(token);
    const result = await this.passExam('level', token);
    expect(result.progress.action).to.equal('auto_advanced');
  }

  /** A learner on junior 3 with its level exam passed: the rank final is next. */
  async finalist(adminToken: string): Promise<Learner> {
    const learner = await this.waitingLearner();
    await this.expectStatus('POST', `/api/v1/admin/approvals/${learner.requestId}/approve`, adminToken, [200], {});
    await this.clearLevelStage(learner.token);
    await this.clearLevelStage(learner.token);
    await this.assignContent(learner.token);
    await this.closeReadingList(learner.token);
    const result = await this.passExam('level', learner.token);
    expect(result.progress.action).to.equal('rank_final_required');
    return learner;
  }
}
