import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'chai';
import type pg from 'pg';
import type { ApiResponse, TestApi } from '../support/api.js';
import { newAdmin, newLearner, uniqueEmail, type Learner } from '../support/fixtures/identity.js';
import { COOKIE, cookieValue, logIn, refresh } from '../support/fixtures/sessions.js';
import { JourneyApi, type Served } from '../support/reliability/journey-api.js';
import { createFixtureTrack } from '../support/fixtures/journey.js';
import { JourneyRows } from '../support/reliability/journey-rows.js';
import { withoutNow } from '../support/fixtures/sittings.js';
import {
  expectAllSucceeded,
  expectExactlyOneEffect,
  expectNo5xx,
  fireConcurrently,
  statusSummary,
} from '../support/reliability/races.js';

/**
 * The one-shot operations that race, each fired RACE_SIZE times at once. A scenario
 * is written once and runs against one in-process app (races.test.ts) and split across two
 * server processes on one database (two-instances.test.ts): request i goes to instance i mod n.
 *
 * To add a race when its endpoint lands: append a scenario to RACE_SCENARIOS — arrange the state
 * through the API (fixtures of the journey), fire the identical request, check "exactly one
 * effect" with expectExactlyOneEffect and the state through the API or SQL. Both suites pick it
 * up, and both end with assertInvariants().
 */
export const RACE_SIZE = 30;

type Client = Pick<TestApi, 'request'>;

export interface RaceTarget {
  /** One client per server instance. */
  readonly clients: readonly Client[];
  /** The database every instance uses (for SQL checks of the outcome). */
  readonly pool: pg.Pool;
}

export interface RaceScenario<State = any> {
  readonly name: string;
  /** The expected outcome, in words (the test title). */
  readonly outcome: string;
  /** Builds what the race needs (learners, attempts, requests …) through the API. */
  arrange(target: RaceTarget): Promise<State>;
  /** The request fired RACE_SIZE times; `client` is the instance this copy goes to. */
  fire(client: Client, state: State, index: number): Promise<ApiResponse>;
  /** Exactly one effect, the others idempotent or 409, and the resulting state. */
  check(responses: readonly ApiResponse[], state: State, target: RaceTarget): Promise<void>;
}

const password = () => `pw-${randomBytes(6).toString('hex')}`;

const signupSameEmail: RaceScenario<{ email: string; password: string }> = {
  name: 'signup with one email',
  outcome: 'exactly one 201, the others 409 email_taken; one user, one first stage',
  arrange: async () => ({ email: uniqueEmail('race'), password: password() }),
  fire: (client, state) =>
    client.request('POST', '/api/v1/auth/signup', {
      body: { email: state.email, full_name: 'Racer', password: state.password },
    }),
  async check(responses, state, target) {
    const winner = expectExactlyOneEffect(responses, { effect: 201, conflicts: ['email_taken'] });
    const users = await target.pool.query('SELECT id FROM users WHERE lower(email) = $1', [state.email]);
    expect(users.rows.map((row) => row.id)).to.deep.equal([winner.body.id]);
    const stages = await target.pool.query(`SELECT status FROM user_stage_progress WHERE user_id = $1`, [
      winner.body.id,
    ]);
    expect(stages.rows).to.deep.equal([{ status: 'active' }]);
    // The account works: its password is the one every racer sent.
    const login = await target.clients[0]!.request('POST', '/api/v1/auth/login', {
      body: { email: state.email, password: state.password },
    });
    expect(login.status).to.equal(200);
  },
};

const signupEmailInManyCases: RaceScenario<{ email: string }> = {
  name: 'signup with one email written in different letter cases',
  outcome: 'exactly one 201, the others 409 email_taken',
  arrange: async () => ({ email: uniqueEmail('case-race') }),
  fire: (client, state, index) => {
    // ada@… / ADA@… / Ada@…: the same account once lower-cased.
    const email =
      index % 3 === 0
        ? state.email
        : index % 3 === 1
          ? state.email.toUpperCase()
          : state.email[0]!.toUpperCase() + state.email.slice(1);
    return client.request('POST', '/api/v1/auth/signup', {
      body: { email, full_name: `Racer ${index}`, password: password() },
    });
  },
  async check(responses, state, target) {
    const winner = expectExactlyOneEffect(responses, { effect: 201, conflicts: ['email_taken'] });
    expect(winner.body.email).to.equal(state.email);
    const users = await target.pool.query('SELECT count(*)::int AS n FROM users WHERE lower(email) = $1', [
      state.email,
    ]);
    expect(users.rows[0].n).to.equal(1);
  },
};

const loginOneLearner: RaceScenario<{ email: string; password: string; id: number }> = {
  name: 'login of one learner',
  outcome:
    'not one-shot: each 200 (or 429 past the per-email limit of attempts in flight), every token works on every instance, and the email is not locked afterwards',
  async arrange(target) {
    const learner = await newLearner(target.clients[0]!);
    return { email: learner.email, password: learner.password, id: learner.id };
  },
  fire: (client, state) =>
    client.request('POST', '/api/v1/auth/login', { body: { email: state.email, password: state.password } }),
  async check(responses, state, target) {
    // Each attempt holds one of the email's points while its password is checked (so a burst of
    // guesses can never check more passwords than the limit); successes give the point back.
    expectNo5xx(responses);
    expect(
      responses.every(
        (response) => response.status === 200 || (response.status === 429 && response.body.code === 'rate_limited'),
      ),
    ).to.equal(true);
    const succeeded = responses.filter((response) => response.status === 200);
    expect(succeeded.length).to.be.greaterThan(0);
    const after = await target.clients[0]!.request('POST', '/api/v1/auth/login', {
      body: { email: state.email, password: state.password },
    });
    expect(after.status, 'successful logins must not lock the email').to.equal(200);
    // Every token issued under the race is a working learner token, on every instance.
    for (const [index, response] of succeeded.entries()) {
      const me = await target.clients[index % target.clients.length]!.request('GET', '/api/v1/users/me', {
        token: response.body.access_token,
      });
      expect(me.status).to.equal(200);
      expect(me.body.id).to.equal(state.id);
    }
  },
};

const journeyOf = (target: RaceTarget) => new JourneyApi(target.clients[0]!, target.pool);
const adminsFor = async (target: RaceTarget) => [
  await newAdmin({ request: target.clients[0]!.request, db: { pool: target.pool } }),
  await newAdmin({ request: target.clients[0]!.request, db: { pool: target.pool } }),
];
const count = async (target: RaceTarget, sql: string, params: unknown[]) =>
  Number((await target.pool.query(sql, params)).rows[0].n);

const diagnostikaStart: RaceScenario<Learner> = {
  name: 'diagnostika start',
  outcome: 'exactly one 201, the others 200 with the same diagnostika; one diagnostika stored',
  arrange: (target) => newLearner(target.clients[0]!),
  fire: (client, learner) => client.request('POST', '/api/v1/diagnostika/start', { token: learner.token }),
  async check(responses, learner, target) {
    const winner = expectExactlyOneEffect(responses, { effect: 201, idempotent: [200] });
    // `now` is each answer's server clock; the diagnostika itself is the same.
    for (const response of responses) expect(withoutNow(response.body)).to.deep.equal(withoutNow(winner.body));
    expect(
      await count(target, 'SELECT count(*) AS n FROM diagnostika_results WHERE user_id = $1', [learner.id]),
    ).to.equal(1);
  },
};

const diagnostikaSubmit: RaceScenario<{ learner: Learner; body: unknown }> = {
  name: 'diagnostika submit',
  outcome: 'exactly one 200, the others 409 attempt_already_submitted; scored once',
  async arrange(target) {
    const journey = journeyOf(target);
    const learner = await newLearner(target.clients[0]!);
    const started = await journey.startDiagnostika(learner.token);
    return {
      learner,
      body: { diagnostika_id: started.diagnostika_id, answers: await journey.answers(started.questions, 7) },
    };
  },
  fire: (client, state) =>
    client.request('POST', '/api/v1/diagnostika/submit', { token: state.learner.token, body: state.body }),
  async check(responses, state, target) {
    const winner = expectExactlyOneEffect(responses, { effect: 200, conflicts: ['attempt_already_submitted'] });
    expect(winner.body.score_total).to.equal(7);
    const result = await target.clients[0]!.request('GET', '/api/v1/diagnostika/result', {
      token: state.learner.token,
    });
    expect(result.body).to.deep.equal(winner.body);
  },
};

const contentAssign: RaceScenario<Learner> = {
  name: 'content assign',
  outcome: 'exactly one 201, the others 200 with the same set; one set stored',
  arrange: (target) => journeyOf(target).diagnosedLearner(),
  fire: (client, learner) => client.request('POST', '/api/v1/content/assign', { token: learner.token }),
  async check(responses, learner, target) {
    const winner = expectExactlyOneEffect(responses, { effect: 201, idempotent: [200] });
    for (const response of responses) expect(response.body).to.deep.equal(winner.body);
    const stored = await count(target, 'SELECT count(*) AS n FROM user_stage_articles WHERE user_id = $1', [
      learner.id,
    ]);
    expect(stored).to.equal(winner.body.assigned_optional + winner.body.assigned_required);
  },
};

const minitestSubmit: RaceScenario<{ learner: Learner; articleId: number; body: unknown }> = {
  name: 'minitest submit (all right)',
  outcome: 'all 200; exactly one scores the PASS (already_passed false), the others answer already_passed true',
  async arrange(target) {
    const journey = journeyOf(target);
    const learner = await journey.diagnosedLearner();
    await journey.assignContent(learner.token);
    const required = (await journey.myContent(learner.token)).find((item) => item.kind === 'required')!;
    const minitest = await journey.expectStatus(
      'GET',
      `/api/v1/content/${required.article_id}/minitest`,
      learner.token,
      [200],
    );
    return {
      learner,
      articleId: required.article_id,
      body: { answers: await journey.answers(minitest.body.questions) },
    };
  },
  fire: (client, state) =>
    client.request('POST', `/api/v1/content/${state.articleId}/minitest/submit`, {
      token: state.learner.token,
      body: state.body,
    }),
  async check(responses, state, target) {
    expectAllSucceeded(responses, 200);
    const scored = responses.filter((response) => response.body.already_passed === false);
    expect(scored.length, `PASS scored ${scored.length} times`).to.equal(1);
    expect(scored[0]!.body.passed).to.equal(true);
    expect(
      await count(
        target,
        'SELECT count(*) AS n FROM user_stage_articles WHERE user_id = $1 AND article_id = $2 AND minitest_passed',
        [state.learner.id, state.articleId],
      ),
    ).to.equal(1);
  },
};

const examStart = (kind: 'level' | 'rank-final'): RaceScenario<Learner> => ({
  name: `${kind === 'level' ? 'level exam' : 'rank final'} start`,
  outcome: 'exactly one 201, the others 200 with the same attempt; one open attempt',
  async arrange(target) {
    const journey = journeyOf(target);
    return kind === 'level' ? journey.eligibleLearner() : journey.finalist((await adminsFor(target))[0]!.token);
  },
  fire: (client, learner) => client.request('POST', `/api/v1/exams/${kind}/start`, { token: learner.token }),
  async check(responses, learner, target) {
    const winner = expectExactlyOneEffect(responses, { effect: 201, idempotent: [200] });
    for (const response of responses) expect(withoutNow(response.body)).to.deep.equal(withoutNow(winner.body));
    const table = kind === 'level' ? 'level_exam_attempts' : 'rank_final_attempts';
    expect(
      await count(target, `SELECT count(*) AS n FROM ${table} WHERE user_id = $1 AND submitted_at IS NULL`, [
        learner.id,
      ]),
    ).to.equal(1);
  },
});

const examSubmit = (
  kind: 'level' | 'rank-final',
): RaceScenario<{ learner: Learner; attemptId: number; body: unknown }> => ({
  name: `${kind === 'level' ? 'level exam' : 'rank final'} submit (a PASS)`,
  outcome: 'exactly one 200, the others 409 attempt_already_submitted; one PASS, one approval request',
  async arrange(target) {
    const journey = journeyOf(target);
    const learner =
      kind === 'level' ? await journey.eligibleLearner() : await journey.finalist((await adminsFor(target))[0]!.token);
    const started = await journey.startExam(kind, learner.token);
    return { learner, attemptId: started.attempt_id, body: { answers: await journey.answers(started.questions) } };
  },
  fire: (client, state) =>
    client.request('POST', `/api/v1/exams/${kind}/${state.attemptId}/submit`, {
      token: state.learner.token,
      body: state.body,
    }),
  async check(responses, state, target) {
    const winner = expectExactlyOneEffect(responses, { effect: 200, conflicts: ['attempt_already_submitted'] });
    expect(winner.body).to.include({ passed: true });
    expect(winner.body.progress.action).to.equal('pending_approval');
    expect(
      await count(target, `SELECT count(*) AS n FROM approval_requests WHERE user_id = $1 AND status = 'pending'`, [
        state.learner.id,
      ]),
    ).to.equal(1);
  },
});

const decide = (
  decisions: (index: number) => 'approve' | 'reject',
): RaceScenario<{ learner: Learner & { requestId: number }; admins: { token: string }[] }> => ({
  name: decisions(1) === decisions(0) ? `${decisions(0)} by two admins` : 'approve and reject by two admins at once',
  outcome: 'exactly one 200, the others 409 approval_not_pending; the decision applied once',
  arrange: async (target) => ({ learner: await journeyOf(target).waitingLearner(), admins: await adminsFor(target) }),
  fire: (client, state, index) =>
    client.request('POST', `/api/v1/admin/approvals/${state.learner.requestId}/${decisions(index)}`, {
      token: state.admins[index % 2]!.token,
      body: { comment: `decided by racer ${index}` },
    }),
  async check(responses, state, target) {
    const winner = expectExactlyOneEffect(responses, { effect: 200, conflicts: ['approval_not_pending'] });
    const stage = await target.clients[0]!.request('GET', '/api/v1/progress/current-stage', {
      token: state.learner.token,
    });
    expect(stage.body).to.include(
      winner.body.status === 'approved'
        ? { rank: 'junior', level: 1, status: 'active' }
        : { rank: 'trainee', level: 0, status: 'pending_approval' },
    );
    expect(
      await count(target, `SELECT count(*) AS n FROM approval_requests WHERE user_id = $1 AND status <> 'pending'`, [
        state.learner.id,
      ]),
    ).to.equal(1);
  },
});

const approveGraduation: RaceScenario<{ learner: Learner; requestId: number; admins: { token: string }[] }> = {
  name: 'approve a graduation by two admins',
  outcome: 'exactly one 200 (graduated), the others 409 approval_not_pending; graduated once',
  async arrange(target) {
    // Nine stages cleared by rows (true to docs/product.md, see journey-rows.ts); senior 3 passed and waiting for
    // graduation.
    const learner = await newLearner(target.clients[0]!);
    const rows = new JourneyRows(target.pool);
    await rows.diagnostika(learner.id, { submit: true });
    for (let stage = 0; stage < 9; stage += 1) await rows.clearStage(learner.id, { approve: true });
    const requestId = (await rows.clearStage(learner.id, { approve: false }))!;
    return { learner, requestId, admins: await adminsFor(target) };
  },
  fire: (client, state, index) =>
    client.request('POST', `/api/v1/admin/approvals/${state.requestId}/approve`, {
      token: state.admins[index % 2]!.token,
      body: {},
    }),
  async check(responses, state, target) {
    const winner = expectExactlyOneEffect(responses, { effect: 200, conflicts: ['approval_not_pending'] });
    expect(winner.body).to.include({ status: 'approved', graduated: true, to_stage_id: null });
    const stage = await target.clients[0]!.request('GET', '/api/v1/progress/current-stage', {
      token: state.learner.token,
    });
    expect(stage.body).to.include({ status: 'graduated', rank: 'senior', level: 3 });
    const me = await target.clients[0]!.request('GET', '/api/v1/users/me', { token: state.learner.token });
    expect(me.body.graduated_at).to.be.a('string');
  },
};

const resubmit: RaceScenario<Learner & { requestId: number }> = {
  name: 'resubmit after a rejection',
  outcome: 'exactly one 201, the others 409 approval_already_pending; one new pending request',
  async arrange(target) {
    const learner = await journeyOf(target).waitingLearner();
    const [admin] = await adminsFor(target);
    await journeyOf(target).expectStatus(
      'POST',
      `/api/v1/admin/approvals/${learner.requestId}/reject`,
      admin!.token,
      [200],
      { comment: 'not yet' },
    );
    return learner;
  },
  fire: (client, learner) =>
    client.request('POST', `/api/v1/approvals/${learner.requestId}/resubmit`, { token: learner.token }),
  async check(responses, learner, target) {
    expectExactlyOneEffect(responses, { effect: 201, conflicts: ['approval_already_pending'] });
    expect(
      await count(target, `SELECT count(*) AS n FROM approval_requests WHERE user_id = $1 AND status = 'pending'`, [
        learner.id,
      ]),
    ).to.equal(1);
  },
};

const settingsActivate: RaceScenario<{ admins: { token: string }[]; trackId: number; draftIds: number[] }> = {
  name: 'settings activate (one draft, then two drafts of one track at once)',
  outcome: 'one draft: exactly one 200, the others 409 settings_version_not_draft; always exactly one active version',
  async arrange(target) {
    const admins = await adminsFor(target);
    const { rows } = await target.pool.query(`SELECT id FROM tracks WHERE name = 'default'`);
    const trackId = Number(rows[0].id);
    const draftIds: number[] = [];
    for (let draft = 0; draft < 3; draft += 1) {
      const created = await target.clients[0]!.request('POST', `/api/v1/admin/tracks/${trackId}/settings-versions`, {
        token: admins[0]!.token,
        body: { note: `race draft ${draft}` },
      });
      expect(created.status, created.text).to.equal(201);
      draftIds.push(created.body.id);
    }
    return { admins, trackId, draftIds };
  },
  fire: (client, state, index) =>
    client.request('POST', `/api/v1/admin/settings-versions/${state.draftIds[0]}/activate`, {
      token: state.admins[index % 2]!.token,
    }),
  async check(responses, state, target) {
    const winner = expectExactlyOneEffect(responses, { effect: 200, conflicts: ['settings_version_not_draft'] });
    expect(winner.body).to.include({ id: state.draftIds[0], status: 'active' });
    // Two other drafts of the same track activated at once: both succeed one after the other, one ends active.
    const both = await fireConcurrently(RACE_SIZE, (index) =>
      target.clients[index % target.clients.length]!.request(
        'POST',
        `/api/v1/admin/settings-versions/${state.draftIds[1 + (index % 2)]}/activate`,
        { token: state.admins[index % 2]!.token },
      ),
    );
    expect(both.filter((response) => response.status === 200).length, statusSummary(both)).to.equal(2);
    expectExactlyOneEffect(
      both.filter((_, index) => index % 2 === 0),
      { effect: 200, conflicts: ['settings_version_not_draft'] },
    );
    expect(
      await count(target, `SELECT count(*) AS n FROM settings_versions WHERE track_id = $1 AND status = 'active'`, [
        state.trackId,
      ]),
    ).to.equal(1);
  },
};

const refreshOneCookie: RaceScenario<{ refreshToken: string }> = {
  name: 'refresh with one refresh cookie (a browser with many tabs)',
  outcome: 'all 200 with working access tokens, exactly one rotation (one new token row, one new cookie)',
  async arrange(target) {
    const learner = await newLearner(target.clients[0]!);
    return { refreshToken: (await logIn(target.clients[0]!, 'learner', learner)).refreshToken };
  },
  fire: (client, state) => refresh(client, 'learner', state.refreshToken),
  async check(responses, state, target) {
    expectAllSucceeded(responses);
    const cookies = responses.map((response) => cookieValue(response, COOKIE.learner)).filter((c) => c !== undefined);
    expect(cookies, 'exactly one response carries the successor cookie').to.have.length(1);
    const family = await target.pool.query(
      `SELECT count(*)::int AS tokens, count(*) FILTER (WHERE rotated_at IS NULL)::int AS unrotated
       FROM refresh_tokens WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)`,
      [createHash('sha256').update(state.refreshToken).digest()],
    );
    expect(family.rows).to.deep.equal([{ tokens: 2, unrotated: 1 }]);
    for (const response of [responses[0]!, responses[responses.length - 1]!]) {
      const me = await target.clients[0]!.request('GET', '/api/v1/users/me', { token: response.body.access_token });
      expect(me.status).to.equal(200);
    }
    expect((await refresh(target.clients[0]!, 'learner', cookies[0])).status).to.equal(200);
  },
};

/**
 * Different learners submitting diagnostikas that hold the SAME eight questions at once: every
 * submit folds into the item statistics of those questions. None may 5xx or deadlock, and the
 * sums must count every answer exactly once (the invariants reconcile them with the answers).
 */
const sharedQuestionSubmits: RaceScenario<{ learners: Learner[]; bodies: unknown[]; questionIds: number[] }> = {
  name: 'diagnostika submits of different learners sharing every question',
  outcome: 'all 200; the item statistics of the shared questions count every answer once',
  async arrange(target) {
    const track = await createFixtureTrack({ db: { pool: target.pool } } as TestApi, {
      modules: 1,
      questionsPerModule: 8,
      settings: { expected_modules_count: 1, entry_total_q: 8, entry_per_module_q: 8 },
    });
    const journey = journeyOf(target);
    const learners: Learner[] = [];
    const bodies: unknown[] = [];
    for (let i = 0; i < RACE_SIZE; i += 1) {
      const learner = await newLearner(target.clients[0]!, { track_id: track.trackId });
      const started = await journey.startDiagnostika(learner.token);
      learners.push(learner);
      bodies.push({ diagnostika_id: started.diagnostika_id, answers: await journey.answers(started.questions, i % 9) });
    }
    const questions = await target.pool.query<{ id: number }>('SELECT id FROM questions WHERE module_id = $1', [
      track.moduleIds[0],
    ]);
    return { learners, bodies, questionIds: questions.rows.map((row) => Number(row.id)) };
  },
  fire: (client, state, index) =>
    client.request('POST', '/api/v1/diagnostika/submit', {
      token: state.learners[index]!.token,
      body: state.bodies[index],
    }),
  async check(responses, state, target) {
    expectAllSucceeded(responses);
    const { rows } = await target.pool.query(
      'SELECT sum(responses)::int AS responses, count(DISTINCT question_id)::int AS questions FROM item_statistic_stripes WHERE question_id = ANY($1)',
      [state.questionIds],
    );
    expect(rows[0]).to.deep.equal({ responses: RACE_SIZE * 8, questions: 8 });
  },
};

/** The saved answers of an exam attempt as stored: question id → option id. */
async function savedAnswers(target: RaceTarget, table: string, attemptId: number): Promise<Map<number, number>> {
  const { rows } = await target.pool.query(
    `SELECT question_id, selected_option_id FROM ${table} WHERE attempt_id = $1`,
    [attemptId],
  );
  return new Map(rows.map((row) => [Number(row.question_id), Number(row.selected_option_id)]));
}

/** Per question of an attempt, its right option and a wrong one. */
async function optionsOf(target: RaceTarget, questions: readonly Served[]) {
  const journey = journeyOf(target);
  const right = await journey.answers(questions);
  const wrong = await journey.answers(questions, 0);
  return questions.map((question, index) => ({
    questionId: question.id,
    right: right[index]!.selected_option_id,
    wrong: wrong[index]!.selected_option_id,
  }));
}

/** Autosaves of 30 different questions of one 40-question rank final at once (docs/product.md, "Exam sittings"). */
const autosaveDifferentQuestions: RaceScenario<{
  learner: Learner;
  attemptId: number;
  options: { questionId: number; right: number }[];
}> = {
  name: 'autosaves of different questions of one rank final',
  outcome: 'all 200; every one of the 30 saved answers landed',
  async arrange(target) {
    const journey = journeyOf(target);
    const learner = await journey.finalist((await adminsFor(target))[0]!.token);
    const started = await journey.startExam('rank-final', learner.token);
    expect(started.questions.length).to.be.at.least(RACE_SIZE);
    return { learner, attemptId: started.attempt_id, options: await optionsOf(target, started.questions) };
  },
  fire: (client, state, index) =>
    client.request('PUT', `/api/v1/exams/rank-final/${state.attemptId}/answers`, {
      token: state.learner.token,
      body: {
        answers: [{ question_id: state.options[index]!.questionId, selected_option_id: state.options[index]!.right }],
      },
    }),
  async check(responses, state, target) {
    expectAllSucceeded(responses);
    const expected = new Map(state.options.slice(0, responses.length).map((o) => [o.questionId, o.right]));
    expect(await savedAnswers(target, 'rank_final_saved_answers', state.attemptId)).to.deep.equal(expected);
  },
};

/** 30 autosaves of the SAME question, each with an option of its own choice: last write wins, one row. */
const autosaveSameQuestion: RaceScenario<{ learner: Learner; attemptId: number; question: Served }> = {
  name: 'autosaves of one question of a level exam',
  outcome: 'all 200; exactly one saved row for the question, holding one of the options sent',
  async arrange(target) {
    const journey = journeyOf(target);
    const learner = await journey.eligibleLearner();
    const started = await journey.startExam('level', learner.token);
    return { learner, attemptId: started.attempt_id, question: started.questions[0]! };
  },
  fire: (client, state, index) =>
    client.request('PUT', `/api/v1/exams/level/${state.attemptId}/answers`, {
      token: state.learner.token,
      body: {
        answers: [
          {
            question_id: state.question.id,
            selected_option_id: state.question.options[index % state.question.options.length]!.id,
          },
        ],
      },
    }),
  async check(responses, state, target) {
    expectAllSucceeded(responses);
    const saved = await savedAnswers(target, 'level_exam_saved_answers', state.attemptId);
    expect([...saved.keys()]).to.deep.equal([state.question.id]);
    expect(state.question.options.map((o) => o.id)).to.include(saved.get(state.question.id));
  },
};

/** The request of autosaveRacingSubmit that submits: in the middle, so saves are in flight on both sides of it. */
const SUBMIT_INDEX = Math.floor(RACE_SIZE / 2);

/**
 * A submit (request SUBMIT_INDEX, its own body empty: the sheet is the saved one) racing 29 autosaves that turn
 * saved wrong answers right. Each save either lands before the score (200, and the score counts it) or finds the
 * attempt submitted (409) — never a score that disagrees with what was stored.
 */
const autosaveRacingSubmit: RaceScenario<{
  learner: Learner;
  attemptId: number;
  options: { questionId: number; right: number; wrong: number }[];
}> = {
  name: 'autosaves racing the submit of a level exam',
  outcome:
    'the submit 200, each save 200 (counted by the score) or 409 attempt_already_submitted (not counted); no save after the score',
  async arrange(target) {
    const journey = journeyOf(target);
    const learner = await journey.eligibleLearner();
    const started = await journey.startExam('level', learner.token);
    const options = await optionsOf(target, started.questions);
    await journey.expectStatus('PUT', `/api/v1/exams/level/${started.attempt_id}/answers`, learner.token, [200], {
      answers: options.map((o) => ({ question_id: o.questionId, selected_option_id: o.wrong })),
    });
    return { learner, attemptId: started.attempt_id, options };
  },
  fire: async (client, state, index) => {
    if (index === SUBMIT_INDEX)
      return client.request('POST', `/api/v1/exams/level/${state.attemptId}/submit`, {
        token: state.learner.token,
        body: { answers: [] },
      });
    // The saves after the submit are spread over its run (1 ms apart), so some land before its lock and some after.
    if (index > SUBMIT_INDEX) await new Promise((resolve) => setTimeout(resolve, index - SUBMIT_INDEX));
    return client.request('PUT', `/api/v1/exams/level/${state.attemptId}/answers`, {
      token: state.learner.token,
      body: {
        answers: [
          {
            question_id: state.options[index % state.options.length]!.questionId,
            selected_option_id: state.options[index % state.options.length]!.right,
          },
        ],
      },
    });
  },
  async check(responses, state, target) {
    expectNo5xx(responses);
    const submitted = responses[SUBMIT_INDEX]!;
    expect(submitted.status, submitted.text).to.equal(200);
    const landed = new Set<number>();
    responses.forEach((response, index) => {
      if (index === SUBMIT_INDEX) return;
      expect([200, 409], statusSummary(responses)).to.include(response.status);
      if (response.status === 409) expect(response.body.code).to.equal('attempt_already_submitted');
      else landed.add(state.options[index % state.options.length]!.questionId);
    });
    const { rows } = await target.pool.query(
      'SELECT question_id, selected_option_id FROM level_exam_attempt_answers WHERE attempt_id = $1',
      [state.attemptId],
    );
    const stored = new Map(rows.map((row) => [Number(row.question_id), Number(row.selected_option_id)]));
    for (const option of state.options)
      expect(stored.get(option.questionId), `question ${option.questionId}`).to.equal(
        landed.has(option.questionId) ? option.right : option.wrong,
      );
    expect(submitted.body.score_total).to.equal(landed.size);
  },
};

export const RACE_SCENARIOS: readonly RaceScenario[] = [
  signupSameEmail,
  signupEmailInManyCases,
  loginOneLearner,
  diagnostikaStart,
  diagnostikaSubmit,
  contentAssign,
  minitestSubmit,
  examStart('level'),
  examSubmit('level'),
  examStart('rank-final'),
  examSubmit('rank-final'),
  decide(() => 'approve'),
  decide(() => 'reject'),
  decide((index) => (index % 2 === 0 ? 'approve' : 'reject')),
  approveGraduation,
  resubmit,
  settingsActivate,
  refreshOneCookie,
  sharedQuestionSubmits,
  autosaveDifferentQuestions,
  autosaveSameQuestion,
  autosaveRacingSubmit,
];

/** Fires one scenario at a target: arrange, RACE_SIZE identical requests at once, check. */
export async function runRace(scenario: RaceScenario, target: RaceTarget, size = RACE_SIZE): Promise<void> {
  const state = await scenario.arrange(target);
  const responses = await fireConcurrently(size, (index) =>
    scenario.fire(target.clients[index % target.clients.length]!, state, index),
  );
  await scenario.check(responses, state, target);
}
