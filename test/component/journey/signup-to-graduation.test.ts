import { expect } from 'chai';
import { useApi, type TestApi } from '../../support/api.js';
import { answerSheet, type StartedQuestion } from '../../support/fixtures/exams.js';
import { newAdmin, newLearner, type Admin, type Learner } from '../../support/fixtures/identity.js';
import { TOPOLOGY_LABEL } from '../../support/topology.js';

/**
 * The whole ladder through the front door: a learner signs up and walks all ten stages —
 * diagnostika, content, reading, minitests, level exams (one failed and retried), rank finals
 * (one failed and retried), approvals (one rejected and resubmitted) — to graduation. Every
 * response is validated against openapi.yaml; SQL is only used to look up correct options,
 * which the API never reveals.
 */
describe(`journey: signup to graduation${TOPOLOGY_LABEL}`, function () {
  this.timeout(180_000);
  const api = useApi();
  let learner: Learner;
  let admin: Admin;

  const as = (token: string) => ({
    get: (path: string) => api.request('GET', `/api/v1${path}`, { token }),
    post: (path: string, body?: unknown) =>
      api.request('POST', `/api/v1${path}`, { token, ...(body === undefined ? {} : { body }) }),
  });

  before(async () => {
    learner = await newLearner(api, { full_name: 'Grace Hopper' });
    admin = await newAdmin(api);
  });

  async function closeReadingList(me: ReturnType<typeof as>, api: TestApi): Promise<void> {
    const assigned = await me.post('/content/assign');
    expect(assigned.status, assigned.text).to.equal(201);
    expect(assigned.body.assigned_required).to.equal(3);
    const list = (await me.get('/content/my')).body as { article_id: number; kind: string }[];
    for (const article of list.filter((a) => a.kind === 'optional')) {
      expect((await me.post(`/content/${article.article_id}/read`)).status).to.equal(204);
    }
    for (const article of list.filter((a) => a.kind === 'required')) {
      const minitest = await me.get(`/content/${article.article_id}/minitest`);
      expect(minitest.status).to.equal(200);
      const result = await me.post(
        `/content/${article.article_id}/minitest/submit`,
        await answerSheet(api, minitest.body.questions as StartedQuestion[], 3),
      );
      expect(result.body).to.include({ passed: true, correct_cnt: 3 });
    }
    expect((await me.get('/progress/eligibility')).body.eligible).to.equal(true);
  }

  async function passExam(me: ReturnType<typeof as>, kind: 'level' | 'rank-final', failFirst: boolean) {
    if (failFirst) {
      const attempt = await me.post(`/exams/${kind}/start`);
      const failed = await me.post(
        `/exams/${kind}/${attempt.body.attempt_id}/submit`,
        await answerSheet(api, attempt.body.questions, attempt.body.pass_score - 1),
      );
      expect(failed.body).to.include({ passed: false });
      expect(failed.body.progress.action).to.equal('none');
    }
    const attempt = await me.post(`/exams/${kind}/start`);
    expect(attempt.status).to.equal(201);
    const passed = await me.post(
      `/exams/${kind}/${attempt.body.attempt_id}/submit`,
      await answerSheet(api, attempt.body.questions, attempt.body.total_q),
    );
    expect(passed.body.passed).to.equal(true);
    return passed.body.progress as { action: string; from_stage_id: number; to_stage_id: number | null };
  }

  it('walks all ten stages and graduates', async () => {
    const me = as(learner.token);
    const boss = as(admin.token);

    const diagnostika = await me.post('/diagnostika/start');
    expect(diagnostika.status).to.equal(201);
    expect(diagnostika.body.total_q).to.equal(20);
    const diagnosed = await me.post('/diagnostika/submit', {
      diagnostika_id: diagnostika.body.diagnostika_id,
      ...(await answerSheet(api, diagnostika.body.questions, 12)),
    });
    expect(diagnosed.body.score_total).to.equal(12);

    const visited: string[] = [];
    for (let step = 0; step < 10; step += 1) {
      const stage = (await me.get('/progress/current-stage')).body;
      expect(stage.status).to.equal('active');
      visited.push(`${stage.rank}-${stage.level}`);
      await closeReadingList(me, api);

      let progress = await passExam(me, 'level', step === 0);
      if (progress.action === 'rank_final_required')
        progress = await passExam(me, 'rank-final', stage.rank === 'junior');
      if (progress.action === 'auto_advanced') continue;

      expect(progress.action).to.equal('pending_approval');
      expect((await me.get('/progress/current-stage')).body.status).to.equal('pending_approval');
      const request = (await me.get('/approvals/my')).body[0];
      expect(request).to.include({ status: 'pending', from_stage_id: stage.stage_id });
      let requestId = request.request_id as number;
      if (stage.rank === 'middle') {
        // One rejection on the way: the learner resubmits and the admin approves the new request.
        expect(
          (await boss.post(`/admin/approvals/${requestId}/reject`, { comment: 'Review devops first.' })).body.status,
        ).to.equal('rejected');
        const again = await me.post(`/approvals/${requestId}/resubmit`);
        expect(again.status).to.equal(201);
        requestId = again.body.request_id;
      }
      const queue = (await boss.get('/admin/approvals?status=pending&limit=100')).body.items as {
        request_id: number;
      }[];
      expect(queue.map((item) => item.request_id)).to.include(requestId);
      const decision = await boss.post(`/admin/approvals/${requestId}/approve`, { comment: 'Approved.' });
      expect(decision.status).to.equal(200);
      if (decision.body.graduated) break;
    }

    expect(visited).to.deep.equal([
      'trainee-0',
      'junior-1',
      'junior-2',
      'junior-3',
      'middle-1',
      'middle-2',
      'middle-3',
      'senior-1',
      'senior-2',
      'senior-3',
    ]);
    const finalStage = (await me.get('/progress/current-stage')).body;
    expect(finalStage).to.include({ status: 'graduated', rank: 'senior', level: 3 });
    expect(finalStage.graduated_at).to.be.a('string');
    expect((await me.get('/users/me')).body.graduated_at).to.equal(finalStage.graduated_at);
    const history = (await me.get('/progress/history')).body as { status: string }[];
    expect(history).to.have.length(10);
    expect(history.every((row) => row.status === 'completed')).to.equal(true);
    const levelAttempts = (await me.get('/exams/level/attempts')).body as unknown[];
    const rankFinals = (await me.get('/exams/rank-final/attempts')).body as unknown[];
    expect(levelAttempts).to.have.length(11);
    expect(rankFinals).to.have.length(4);
    const start = await me.post('/exams/level/start');
    expect(start.status).to.equal(409);
    expect(start.body.code).to.equal('no_active_stage');
  });
  it('leaves its trace in /metrics: logins, submits by kind and result, decisions, routes by template only', async () => {
    const scrape = await api.request('GET', '/api/v1/metrics');
    expect(scrape.status).to.equal(200);
    const value = (series: string) => {
      const line = scrape.text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
      return line === undefined ? 0 : Number(line.slice(series.length + 1));
    };
    expect(value('app_logins_total{kind="learner",outcome="success"}')).to.be.at.least(1);
    expect(value('app_logins_total{kind="admin",outcome="success"}')).to.be.at.least(1);
    expect(value('app_exam_submits_total{kind="diagnostika",result="scored"}')).to.equal(1);
    expect(value('app_exam_submits_total{kind="minitest",result="pass"}')).to.be.at.least(1);
    expect(value('app_exam_submits_total{kind="level_exam",result="pass"}')).to.equal(10);
    expect(value('app_exam_submits_total{kind="level_exam",result="fail"}')).to.equal(1);
    expect(value('app_exam_submits_total{kind="rank_final",result="pass"}')).to.equal(3);
    expect(value('app_exam_submits_total{kind="rank_final",result="fail"}')).to.equal(1);
    expect(value('app_approvals_decided_total{decision="approved"}')).to.be.at.least(1);
    expect(value('app_approvals_decided_total{decision="rejected"}')).to.equal(1);
    expect(
      value(
        'http_server_request_duration_seconds_count{method="POST",route="/exams/level/:attempt_id/submit",status_class="2xx"}',
      ),
    ).to.equal(11);
    const routes = [...scrape.text.matchAll(/route="([^"]*)"/g)].map((match) => match[1]!);
    expect(routes.filter((route) => /\/\d/.test(route))).to.deep.equal([]);
    expect(scrape.text).to.match(/^db_pool_connections_total \d+$/m);
    expect(scrape.text).to.match(/^nodejs_eventloop_lag_seconds /m);
  });
});
