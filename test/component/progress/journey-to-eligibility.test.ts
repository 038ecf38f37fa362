import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { uniqueEmail } from '../../support/fixtures/identity.js';
import { answersFor } from '../../support/fixtures/journey.js';

/**
 * The learner journey up to eligibility, over HTTP only (every response validated against openapi.yaml):
 * signup → diagnostika → content → reading → minitests → eligible. The database is read only to
 * look up correct options, which the API never sends.
 */
describe('journey: a new learner becomes eligible for the level exam', () => {
  const api = useApi();

  it('signs up, takes the diagnostika, gets content, reads, passes the minitests and is eligible', async () => {
    const email = uniqueEmail('journey');
    const password = 'journey-password';
    expect(
      (await api.request('POST', '/api/v1/auth/signup', { body: { email, full_name: 'Journey Learner', password } }))
        .status,
    ).to.equal(201);
    const token = (await api.request('POST', '/api/v1/auth/login', { body: { email, password } })).body
      .access_token as string;
    const call = (method: string, path: string, body?: unknown) =>
      api.request(method, `/api/v1${path}`, { token, body });

    const stage = (await call('GET', '/progress/current-stage')).body;
    expect(stage).to.include({ rank: 'trainee', level: 0, position: 1, status: 'active' });
    const modules = (await call('GET', `/catalog/tracks/${stage.track_id}`)).body.modules as {
      id: number;
      name: string;
    }[];

    // Diagnostika: the first two modules (by id) answered wrong make them the weakest.
    const started = await call('POST', '/diagnostika/start');
    expect(started.status).to.equal(201);
    const weak = [modules[0]!.id, modules[1]!.id];
    const answers = await answersFor(api, started.body.questions, (q) => !weak.includes(q.module_id));
    const submitted = await call('POST', '/diagnostika/submit', {
      diagnostika_id: started.body.diagnostika_id,
      answers,
    });
    expect(submitted.status).to.equal(200);
    expect(submitted.body.score_total).to.equal(12);

    const weakness = (await call('GET', '/progress/weakness')).body;
    expect(weakness.content_weak_module_ids.slice(0, 2)).to.deep.equal(weak);

    // Content: 5 optional + 3 required (the two weak modules, then the lowest id among the rest).
    const assigned = await call('POST', '/content/assign');
    expect(assigned.status).to.equal(201);
    expect(assigned.body).to.deep.equal({
      stage_id: stage.stage_id,
      assigned_optional: 5,
      assigned_required: 3,
      weak_module_ids: [...weakness.content_weak_module_ids].sort((a: number, b: number) => a - b),
    });
    expect((await call('GET', '/progress/eligibility')).body).to.include({
      eligible: false,
      required_total: 3,
      optional_total: 5,
    });

    const list = (await call('GET', '/content/my')).body as { article_id: number; kind: string }[];
    for (const item of list) {
      const article = await call('GET', `/content/${item.article_id}`);
      expect(article.status).to.equal(200);
      expect(article.body.body.length).to.be.greaterThan(0);
      if (item.kind === 'optional') {
        expect((await call('POST', `/content/${item.article_id}/read`)).status).to.equal(204);
      } else {
        const minitest = await call('GET', `/content/${item.article_id}/minitest`);
        // A first try with one wrong answer fails and changes nothing; the second passes.
        const oneWrong = await answersFor(api, minitest.body.questions, (_q, i) => i > 0);
        expect(
          (await call('POST', `/content/${item.article_id}/minitest/submit`, { answers: oneWrong })).body,
        ).to.include({ passed: false, correct_cnt: 2 });
        const allRight = await answersFor(api, minitest.body.questions);
        expect(
          (await call('POST', `/content/${item.article_id}/minitest/submit`, { answers: allRight })).body,
        ).to.include({ passed: true, already_passed: false });
      }
    }

    const eligibility = await call('GET', '/progress/eligibility');
    expect(eligibility.status).to.equal(200);
    expect(eligibility.body).to.deep.equal({
      stage_id: stage.stage_id,
      rank: 'trainee',
      level: 0,
      content_assigned: true,
      required_total: 3,
      required_done: 3,
      optional_total: 5,
      optional_done: 5,
      missing_required: [],
      missing_optional: [],
      level_exam_passed: false,
      rank_final_required: false,
      rank_final_passed: false,
      eligible: true,
    });
    expect(
      (await call('GET', '/content/my')).body.every(
        (a: { kind: string; is_read: boolean; minitest_passed: boolean }) =>
          a.kind === 'optional' ? a.is_read : a.minitest_passed,
      ),
    ).to.equal(true);
  });
});
