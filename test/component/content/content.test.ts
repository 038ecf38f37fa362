import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { newAdmin, newLearner, type Learner } from '../../support/fixtures/identity.js';
import { answersFor, takeDiagnostika } from '../../support/fixtures/journey.js';

interface Assigned {
  article_id: number;
  module_id: number;
  module_name: string;
  title: string;
  content_ref: string;
  kind: 'required' | 'optional';
  is_read: boolean;
  minitest_passed: boolean;
}

describe('content: assignment, reading and minitests', () => {
  const api = useApi();
  const assign = (token: string) => api.request('POST', '/api/v1/content/assign', { token });
  const my = async (token: string): Promise<Assigned[]> => {
    const response = await api.request('GET', '/api/v1/content/my', { token });
    expect(response.status).to.equal(200);
    return response.body;
  };
  const assignmentRows = async (userId: number) =>
    (
      await api.db.pool.query(
        'SELECT article_id, kind, is_read, read_at, minitest_passed, minitest_passed_at FROM user_stage_articles WHERE user_id = $1 ORDER BY article_id',
        [userId],
      )
    ).rows;

  /** A learner with a submitted diagnostika whose weak modules are the given ones (all answers there wrong). */
  const diagnosedLearner = async (weakModules: readonly number[] = []): Promise<Learner> => {
    const learner = await newLearner(api);
    await takeDiagnostika(api, learner.token, weakModules);
    return learner;
  };
  const seedModules = async (): Promise<number[]> =>
    (
      await api.db.pool.query(
        "SELECT m.id FROM modules m JOIN tracks t ON t.id = m.track_id WHERE t.name = 'default' ORDER BY m.id",
      )
    ).rows.map((r) => r.id);

  describe('POST /content/assign', () => {
    it('needs a submitted diagnostika: 409 diagnostika_required before it is started and while it is open', async () => {
      const learner = await newLearner(api);
      const none = await assign(learner.token);
      expect(none.status).to.equal(409);
      expect(none.body.code).to.equal('diagnostika_required');
      await api.request('POST', '/api/v1/diagnostika/start', { token: learner.token });
      const open = await assign(learner.token);
      expect(open.status).to.equal(409);
      expect(open.body.code).to.equal('diagnostika_required');
      expect(await assignmentRows(learner.id)).to.deep.equal([]);
    });

    it('assigns one optional per module and one required per weak module (201), then answers 200 with the same set', async () => {
      const modules = await seedModules();
      const weak = [modules[1]!, modules[3]!, modules[4]!];
      const learner = await diagnosedLearner(weak);
      const first = await assign(learner.token);
      expect(first.status).to.equal(201);
      const stage = await api.request('GET', '/api/v1/progress/current-stage', { token: learner.token });
      expect(first.body).to.deep.equal({
        stage_id: stage.body.stage_id,
        assigned_optional: 5,
        assigned_required: 3,
        weak_module_ids: weak,
      });
      const again = await assign(learner.token);
      expect(again.status).to.equal(200);
      expect(again.body).to.deep.equal(first.body);

      const list = await my(learner.token);
      expect(list.map((a) => a.kind)).to.deep.equal([
        'required',
        'required',
        'required',
        'optional',
        'optional',
        'optional',
        'optional',
        'optional',
      ]);
      expect(list.filter((a) => a.kind === 'required').map((a) => a.module_id)).to.deep.equal(weak);
      expect(list.filter((a) => a.kind === 'optional').map((a) => a.module_id)).to.deep.equal(modules);
      expect(list.every((a) => !a.is_read && !a.minitest_passed)).to.equal(true);
      // The first required article of each weak module by position (the seed has two per module and stage).
      const firstRequired = await api.db.pool.query(
        "SELECT DISTINCT ON (module_id) id FROM articles WHERE stage_id = $1 AND kind = 'required' AND module_id = ANY($2) ORDER BY module_id, position, id",
        [stage.body.stage_id, weak],
      );
      expect(list.filter((a) => a.kind === 'required').map((a) => a.article_id)).to.deep.equal(
        firstRequired.rows.map((r) => r.id),
      );
    });

    it('of 30 concurrent assigns writes one set: one 201, 29 × 200 with the same body', async () => {
      const learner = await diagnosedLearner();
      const responses = await Promise.all(Array.from({ length: 30 }, () => assign(learner.token)));
      expect(responses.map((r) => r.status).sort()).to.deep.equal([...Array(29).fill(200), 201]);
      expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).to.equal(1);
      expect(await assignmentRows(learner.id)).to.have.length(8);
    });

    it('answers 409 no_active_stage while the stage waits for approval', async () => {
      const learner = await diagnosedLearner();
      await api.db.pool.query("UPDATE user_stage_progress SET status = 'pending_approval' WHERE user_id = $1", [
        learner.id,
      ]);
      const response = await assign(learner.token);
      expect(response.status).to.equal(409);
      expect(response.body.code).to.equal('no_active_stage');
    });
  });

  describe('GET /content/my and GET /content/{id}', () => {
    it('lists nothing before assignment', async () => {
      const learner = await newLearner(api);
      expect(await my(learner.token)).to.deep.equal([]);
    });

    it('serves an assigned article with its body, and 404 for an article not assigned to this learner', async () => {
      const owner = await diagnosedLearner();
      const other = await diagnosedLearner();
      await assign(owner.token);
      const [article] = await my(owner.token);
      const response = await api.request('GET', `/api/v1/content/${article!.article_id}`, { token: owner.token });
      expect(response.status).to.equal(200);
      const stored = await api.db.pool.query(
        'SELECT module_id, stage_id, kind, title, content_ref, body FROM articles WHERE id = $1',
        [article!.article_id],
      );
      expect(response.body).to.deep.equal({ id: article!.article_id, ...stored.rows[0] });

      // Not assigned to `other` (who has no assignments yet), an unassigned article of the stage, and an unknown id.
      const unassigned = await api.db.pool.query(
        'SELECT a.id FROM articles a WHERE a.stage_id = $1 AND NOT EXISTS (SELECT 1 FROM user_stage_articles u WHERE u.user_id = $2 AND u.article_id = a.id) LIMIT 1',
        [stored.rows[0].stage_id, owner.id],
      );
      for (const [token, id] of [
        [other.token, article!.article_id],
        [owner.token, unassigned.rows[0].id],
        [owner.token, 999_999_999],
      ] as const) {
        const missing = await api.request('GET', `/api/v1/content/${id}`, { token });
        expect(missing.status).to.equal(404);
        expect(missing.body.code).to.equal('not_found');
      }
    });
  });

  describe('outside an active stage', () => {
    it('keeps the reading list of a stage waiting for approval readable; a graduated learner has none', async () => {
      const learner = await diagnosedLearner();
      await assign(learner.token);
      const list = await my(learner.token);
      const optional = list.find((a) => a.kind === 'optional')!;
      await api.db.pool.query("UPDATE user_stage_progress SET status = 'pending_approval' WHERE user_id = $1", [
        learner.id,
      ]);
      expect(await my(learner.token)).to.deep.equal(list);
      expect(
        (await api.request('GET', `/api/v1/content/${optional.article_id}`, { token: learner.token })).status,
      ).to.equal(200);
      expect(
        (await api.request('POST', `/api/v1/content/${optional.article_id}/read`, { token: learner.token })).status,
      ).to.equal(204);

      await api.db.pool.query(
        "UPDATE user_stage_progress SET status = 'completed', completed_at = now() WHERE user_id = $1",
        [learner.id],
      );
      await api.db.pool.query('UPDATE users SET graduated_at = now() WHERE id = $1', [learner.id]);
      expect(await my(learner.token)).to.deep.equal([]);
      for (const [method, path] of [
        ['GET', ''],
        ['POST', '/read'],
        ['GET', '/minitest'],
      ] as const) {
        expect(
          (await api.request(method, `/api/v1/content/${optional.article_id}${path}`, { token: learner.token })).status,
        ).to.equal(404);
      }
      const assigned = await assign(learner.token);
      expect(assigned.status).to.equal(409);
      expect(assigned.body.code).to.equal('no_active_stage');
    });
  });

  describe('POST /content/{id}/read', () => {
    it('marks an optional article read (204), idempotently: read_at keeps the first time', async () => {
      const learner = await diagnosedLearner();
      await assign(learner.token);
      const optional = (await my(learner.token)).find((a) => a.kind === 'optional')!;
      const first = await api.request('POST', `/api/v1/content/${optional.article_id}/read`, { token: learner.token });
      expect(first.status).to.equal(204);
      expect(first.text).to.equal('');
      const readAt = (await assignmentRows(learner.id)).find((r) => r.article_id === optional.article_id).read_at;
      const again = await Promise.all(
        Array.from({ length: 5 }, () =>
          api.request('POST', `/api/v1/content/${optional.article_id}/read`, { token: learner.token }),
        ),
      );
      expect(again.map((r) => r.status)).to.deep.equal([204, 204, 204, 204, 204]);
      const row = (await assignmentRows(learner.id)).find((r) => r.article_id === optional.article_id);
      expect(row).to.include({ is_read: true });
      expect(row.read_at.toISOString()).to.equal(readAt.toISOString());
      expect((await my(learner.token)).find((a) => a.article_id === optional.article_id)).to.include({ is_read: true });
    });

    it("refuses a required article with 409 article_not_optional, and an article not assigned (also another learner's) with 404", async () => {
      const learner = await diagnosedLearner();
      const other = await diagnosedLearner();
      await assign(learner.token);
      await assign(other.token);
      const list = await my(learner.token);
      const required = list.find((a) => a.kind === 'required')!;
      const refused = await api.request('POST', `/api/v1/content/${required.article_id}/read`, {
        token: learner.token,
      });
      expect(refused.status).to.equal(409);
      expect(refused.body.code).to.equal('article_not_optional');

      const othersOptional = (await my(other.token)).find((a) => a.kind === 'optional')!;
      // Both learners have the same optional articles (one per module); delete the owner's row to make it "not
      // assigned".
      await api.db.pool.query('DELETE FROM user_stage_articles WHERE user_id = $1 AND article_id = $2', [
        learner.id,
        othersOptional.article_id,
      ]);
      const foreign = await api.request('POST', `/api/v1/content/${othersOptional.article_id}/read`, {
        token: learner.token,
      });
      expect(foreign.status).to.equal(404);
      expect((await assignmentRows(other.id)).find((r) => r.article_id === othersOptional.article_id)).to.include({
        is_read: false,
      });
      expect((await assignmentRows(learner.id)).every((r) => !r.is_read)).to.equal(true);
    });
  });

  describe('minitests', () => {
    it('serves the 3 questions of a required article without correct options; 409 article_not_required for an optional one', async () => {
      const learner = await diagnosedLearner();
      await assign(learner.token);
      const list = await my(learner.token);
      const required = list.find((a) => a.kind === 'required')!;
      const response = await api.request('GET', `/api/v1/content/${required.article_id}/minitest`, {
        token: learner.token,
      });
      expect(response.status).to.equal(200);
      expect(response.body.article_id).to.equal(required.article_id);
      const stored = await api.db.pool.query(
        'SELECT question_id FROM article_minitest_questions WHERE article_id = $1 ORDER BY pos',
        [required.article_id],
      );
      expect(response.body.questions.map((q: { id: number }) => q.id)).to.deep.equal(
        stored.rows.map((r) => r.question_id),
      );
      expect(response.text).not.to.match(/correct/);

      const optional = list.find((a) => a.kind === 'optional')!;
      for (const [method, path, body] of [
        ['GET', 'minitest', undefined],
        ['POST', 'minitest/submit', { answers: [] }],
      ] as const) {
        const refused = await api.request(method, `/api/v1/content/${optional.article_id}/${path}`, {
          token: learner.token,
          body,
        });
        expect(refused.status).to.equal(409);
        expect(refused.body.code).to.equal('article_not_required');
      }
      const other = await newLearner(api);
      for (const [method, path, body] of [
        ['GET', 'minitest', undefined],
        ['POST', 'minitest/submit', { answers: [] }],
      ] as const) {
        expect(
          (await api.request(method, `/api/v1/content/${required.article_id}/${path}`, { token: other.token, body }))
            .status,
        ).to.equal(404);
      }
    });

    it('FAIL below 3/3 stores nothing; 3/3 passes; afterwards already_passed without rescoring', async () => {
      const learner = await diagnosedLearner();
      await assign(learner.token);
      const required = (await my(learner.token)).find((a) => a.kind === 'required')!;
      const minitest = await api.request('GET', `/api/v1/content/${required.article_id}/minitest`, {
        token: learner.token,
      });
      const submitPath = `/api/v1/content/${required.article_id}/minitest/submit`;

      const twoOfThree = await answersFor(api, minitest.body.questions, (_q, i) => i !== 1);
      const failed = await api.request('POST', submitPath, { token: learner.token, body: { answers: twoOfThree } });
      expect(failed.status).to.equal(200);
      expect(failed.body).to.deep.equal({
        article_id: required.article_id,
        passed: false,
        correct_cnt: 2,
        total_cnt: 3,
        already_passed: false,
      });
      expect((await assignmentRows(learner.id)).find((r) => r.article_id === required.article_id)).to.include({
        minitest_passed: false,
        minitest_passed_at: null,
      });

      const allRight = await answersFor(api, minitest.body.questions);
      const passed = await api.request('POST', submitPath, { token: learner.token, body: { answers: allRight } });
      expect(passed.body).to.deep.equal({
        article_id: required.article_id,
        passed: true,
        correct_cnt: 3,
        total_cnt: 3,
        already_passed: false,
      });
      const passedAt = (await assignmentRows(learner.id)).find(
        (r) => r.article_id === required.article_id,
      ).minitest_passed_at;
      expect(passedAt).to.be.instanceOf(Date);

      // Wrong answers after the PASS are not scored again and change nothing.
      const wrong = await answersFor(api, minitest.body.questions, () => false);
      const after = await api.request('POST', submitPath, { token: learner.token, body: { answers: wrong } });
      expect(after.status).to.equal(200);
      expect(after.body).to.deep.equal({
        article_id: required.article_id,
        passed: true,
        correct_cnt: 3,
        total_cnt: 3,
        already_passed: true,
      });
      expect(
        (await assignmentRows(learner.id))
          .find((r) => r.article_id === required.article_id)
          .minitest_passed_at.toISOString(),
      ).to.equal(passedAt.toISOString());
    });

    it('answers 422 answers_invalid for a sheet that does not answer exactly the 3 questions, and stores nothing', async () => {
      const learner = await diagnosedLearner();
      await assign(learner.token);
      const required = (await my(learner.token)).find((a) => a.kind === 'required')!;
      const minitest = await api.request('GET', `/api/v1/content/${required.article_id}/minitest`, {
        token: learner.token,
      });
      const answers = await answersFor(api, minitest.body.questions);
      const otherQuestion = await api.db.pool.query('SELECT id FROM questions WHERE NOT (id = ANY($1)) LIMIT 1', [
        answers.map((a) => a.question_id),
      ]);
      const sheets = [
        { answers: answers.slice(0, 2), codes: ['missing_answer'] },
        { answers: [...answers, answers[0]!], codes: ['duplicate_answer'] },
        {
          answers: [...answers, { question_id: otherQuestion.rows[0].id, selected_option_id: 1 }],
          codes: ['unknown_question'],
        },
        {
          answers: [answers[0]!, answers[1]!, { ...answers[2]!, selected_option_id: answers[0]!.selected_option_id }],
          codes: ['option_not_of_question'],
        },
      ];
      for (const sheet of sheets) {
        const response = await api.request('POST', `/api/v1/content/${required.article_id}/minitest/submit`, {
          token: learner.token,
          body: { answers: sheet.answers },
        });
        expect(response.status).to.equal(422);
        expect(response.body.code).to.equal('answers_invalid');
        expect(response.body.errors.map((e: { code: string }) => e.code)).to.deep.equal(sheet.codes);
      }
      expect((await assignmentRows(learner.id)).find((r) => r.article_id === required.article_id)).to.include({
        minitest_passed: false,
      });
    });

    it('of 30 concurrent passing submits records the PASS once; every answer is a PASS', async () => {
      const learner = await diagnosedLearner();
      await assign(learner.token);
      const required = (await my(learner.token)).find((a) => a.kind === 'required')!;
      const minitest = await api.request('GET', `/api/v1/content/${required.article_id}/minitest`, {
        token: learner.token,
      });
      const answers = await answersFor(api, minitest.body.questions);
      const responses = await Promise.all(
        Array.from({ length: 30 }, () =>
          api.request('POST', `/api/v1/content/${required.article_id}/minitest/submit`, {
            token: learner.token,
            body: { answers },
          }),
        ),
      );
      expect(responses.every((r) => r.status === 200 && r.body.passed)).to.equal(true);
      expect(responses.filter((r) => !r.body.already_passed)).to.have.length(1);
    });

    it('answers 409 minitest_not_configured when a minitest question was deactivated', async () => {
      const learner = await diagnosedLearner();
      await assign(learner.token);
      const required = (await my(learner.token)).find((a) => a.kind === 'required')!;
      const admin = await newAdmin(api);
      const article = await api.request('GET', `/api/v1/admin/articles/${required.article_id}`, { token: admin.token });
      const deactivated = await api.request(
        'PATCH',
        `/api/v1/admin/questions/${article.body.minitest_question_ids[0]}`,
        {
          token: admin.token,
          body: { is_active: false },
        },
      );
      expect(deactivated.status, deactivated.text).to.equal(200);
      for (const [method, path, body] of [
        ['GET', 'minitest', undefined],
        ['POST', 'minitest/submit', { answers: [] }],
      ] as const) {
        const response = await api.request(method, `/api/v1/content/${required.article_id}/${path}`, {
          token: learner.token,
          body,
        });
        expect(response.status).to.equal(409);
        expect(response.body.code).to.equal('minitest_not_configured');
      }
    });
  });
});
