import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { uniqueName } from '../../support/fixtures/admin.js';
import { takeExam } from '../../support/fixtures/exams.js';
import { newAdmin, newLearner, uniqueEmail, type Admin } from '../../support/fixtures/identity.js';
import { completeReadingList, takeDiagnostika } from '../../support/fixtures/journey.js';

describe('admin: learners', () => {
  const api = useApi();
  let admin: Admin;

  before(async () => {
    admin = await newAdmin(api);
  });

  const list = (query: string) => api.request('GET', `/api/v1/admin/users?${query}`, { token: admin.token });

  it('finds learners by a part of their email or name, case-insensitively, with their current stage', async () => {
    const tag = uniqueName('Zebra');
    const byName = await newLearner(api, { full_name: `Ada ${tag} Lovelace` });
    const byEmail = await newLearner(api, { email: uniqueEmail(tag.toLowerCase()) });
    await newLearner(api, { full_name: 'Someone Else' });
    // An admin types an email as is: the @ needs no percent-encoding.
    expect((await list(`q=${byEmail.email}`)).body.items.map((item: { id: number }) => item.id)).to.deep.equal([
      byEmail.id,
    ]);
    const response = await list(`q=${encodeURIComponent(tag.toUpperCase())}`);
    expect(response.status).to.equal(200);
    expect(response.body.next_cursor).to.equal(null);
    expect(response.body.items.map((item: { id: number }) => item.id)).to.deep.equal([byName.id, byEmail.id]);
    const [first] = response.body.items;
    const stage = (await api.request('GET', '/api/v1/progress/current-stage', { token: byName.token })).body;
    expect(first).to.deep.equal({
      id: byName.id,
      email: byName.email,
      full_name: `Ada ${tag} Lovelace`,
      track_id: stage.track_id,
      track_name: 'default',
      created_at: first.created_at,
      graduated_at: null,
      is_active: true,
      extra_time_pct: 0,
      current_stage: { stage_id: stage.stage_id, rank: 'trainee', level: 0, status: 'active' },
    });
  });

  it('takes the search text literally (LIKE wildcards match only themselves) and filters by track', async () => {
    const learner = await newLearner(api, { full_name: 'Percent 100% Sure' });
    const wildcard = await list('q=%25');
    expect(wildcard.body.items.map((item: { id: number }) => item.id)).to.deep.equal([learner.id]);
    const underscore = await list('q=_');
    expect(
      underscore.body.items.every((item: { email: string; full_name: string }) =>
        `${item.email}${item.full_name}`.includes('_'),
      ),
    ).to.equal(true);
    const other = await list(`track_id=99999999`);
    expect(other.body).to.deep.equal({ items: [], next_cursor: null });
  });

  it('pages through learners by id with an opaque cursor', async () => {
    const tag = uniqueName('pager');
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await newLearner(api, { full_name: `${tag} ${i}` })).id);
    const seen: number[][] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(page.body.items.map((item: { id: number }) => item.id));
      cursor = page.body.next_cursor;
    } while (cursor !== null);
    expect(seen).to.deep.equal([[ids[0], ids[1]], [ids[2], ids[3]], [ids[4]]]);
    expect((await list('cursor=bogus')).status).to.equal(400);
    expect((await list('limit=0')).status).to.equal(400);
  });

  it('shows one learner in full: profile, stages with their pinned version, diagnostika, attempts with scores and approvals', async () => {
    const learner = await newLearner(api, { full_name: 'Grace Hopper' });
    const empty = await api.request('GET', `/api/v1/admin/users/${learner.id}`, { token: admin.token });
    expect(empty.status).to.equal(200);
    expect(empty.body.diagnostika).to.equal(null);
    expect(empty.body.attempts).to.deep.equal([]);
    expect(empty.body.approvals).to.deep.equal([]);

    const diagnostika = await takeDiagnostika(api, learner.token);
    expect((await api.request('POST', '/api/v1/content/assign', { token: learner.token })).status).to.equal(201);
    await completeReadingList(api, learner.token);
    const failed = await takeExam(api, learner.token, '/api/v1/exams/level', 0);
    const passed = await takeExam(api, learner.token, '/api/v1/exams/level', 'all');
    expect(passed.result.progress.action).to.equal('pending_approval');

    const response = await api.request('GET', `/api/v1/admin/users/${learner.id}`, { token: admin.token });
    expect(response.status).to.equal(200);
    const body = response.body;
    const trainee = body.stages[0];
    expect(body.profile).to.deep.include({
      id: learner.id,
      email: learner.email,
      full_name: 'Grace Hopper',
      graduated_at: null,
      current_stage: { stage_id: trainee.stage_id, rank: 'trainee', level: 0, status: 'pending_approval' },
    });
    expect(body.stages).to.deep.equal([
      {
        stage_id: trainee.stage_id,
        rank: 'trainee',
        level: 0,
        position: 1,
        status: 'pending_approval',
        settings_version_id: trainee.settings_version_id,
        settings_version_no: 1,
        activated_at: trainee.activated_at,
        completed_at: trainee.completed_at,
      },
    ]);
    expect(body.diagnostika).to.deep.include({
      diagnostika_id: diagnostika.result.diagnostika_id,
      stage_id: trainee.stage_id,
      total_q: 20,
      score_total: diagnostika.result.score_total,
    });
    expect(
      body.diagnostika.module_stats.map((s: { module_id: number; correct_cnt: number; total_cnt: number }) => ({
        module_id: s.module_id,
        correct_cnt: s.correct_cnt,
        total_cnt: s.total_cnt,
      })),
    ).to.deep.equal(
      [...diagnostika.result.module_stats].sort(
        (a: { module_id: number }, b: { module_id: number }) => a.module_id - b.module_id,
      ),
    );
    expect(body.diagnostika.module_stats.map((s: { module_name: string }) => s.module_name)).to.have.members([
      'python-basics',
      'sql-basics',
      'backend-architecture',
      'testing',
      'devops',
    ]);
    expect(
      body.attempts.map((a: Record<string, unknown>) => [
        a.kind,
        a.attempt_id,
        a.attempt_no,
        a.score_total,
        a.total_q,
        a.pass_score,
        a.passed,
        a.settings_version_id,
      ]),
    ).to.deep.equal([
      ['level_exam', passed.result.attempt_id, 2, 20, 20, 15, true, trainee.settings_version_id],
      ['level_exam', failed.result.attempt_id, 1, 0, 20, 15, false, trainee.settings_version_id],
    ]);
    expect(body.approvals).to.have.length(1);
    expect(body.approvals[0]).to.deep.include({
      type: 'rank_transition',
      status: 'pending',
      from_stage_id: trainee.stage_id,
      decided_at: null,
      decided_by_admin_id: null,
    });

    const approved = await api.request('POST', `/api/v1/admin/approvals/${body.approvals[0].request_id}/approve`, {
      token: admin.token,
      body: {},
    });
    expect(approved.status, approved.text).to.equal(200);
    const after = (await api.request('GET', `/api/v1/admin/users/${learner.id}`, { token: admin.token })).body;
    expect(after.approvals[0]).to.deep.include({ status: 'approved', decided_by_admin_id: admin.id });
    expect(
      after.stages.map((s: { rank: string; level: number; status: string }) => [s.rank, s.level, s.status]),
    ).to.deep.equal([
      ['trainee', 0, 'completed'],
      ['junior', 1, 'active'],
    ]);
    expect(after.profile.current_stage).to.deep.include({ rank: 'junior', level: 1, status: 'active' });
  });

  it('answers 404 for an unknown learner', async () => {
    const response = await api.request('GET', '/api/v1/admin/users/99999999', { token: admin.token });
    expect(response.status).to.equal(404);
    expect(response.body.code).to.equal('not_found');
  });
});
