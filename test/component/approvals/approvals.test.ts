import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { completeContent, currentStageOf, placeOnStage, takeExam } from '../../support/fixtures/exams.js';
import { newAdmin, newLearner, type Admin, type Learner } from '../../support/fixtures/identity.js';

describe('approvals', () => {
  const api = useApi();
  let admin: Admin;
  before(async () => {
    admin = await newAdmin(api);
  });

  /** A learner who passed trainee 0 and waits for the transition to junior 1. */
  async function waitingLearner(): Promise<Learner & { requestId: number }> {
    const learner = await newLearner(api);
    await completeContent(api, learner.id);
    await takeExam(api, learner.token, '/api/v1/exams/level', 'all');
    const mine = await api.request('GET', '/api/v1/approvals/my', { token: learner.token });
    return { ...learner, requestId: mine.body[0].request_id };
  }

  const approve = (id: number, body?: object, token = admin.token) =>
    api.request('POST', `/api/v1/admin/approvals/${id}/approve`, { token, ...(body ? { body } : {}) });
  const reject = (id: number, comment: string, token = admin.token) =>
    api.request('POST', `/api/v1/admin/approvals/${id}/reject`, { token, body: { comment } });

  it('approve: the learner moves to junior 1, pinned to the active version, and the request records the admin', async () => {
    const learner = await waitingLearner();
    const trainee = await currentStageOf(api, learner.id);
    const response = await approve(learner.requestId, { comment: 'Welcome to junior.' });
    const now = await currentStageOf(api, learner.id);
    expect(response.status).to.equal(200);
    expect(response.body).to.deep.equal({
      request_id: learner.requestId,
      status: 'approved',
      user_id: learner.id,
      from_stage_id: trainee!.stage_id,
      to_stage_id: now!.stage_id,
      graduated: false,
    });
    expect(now).to.include({ rank: 'junior', level: 1, status: 'active' });
    const row = await api.db.pool.query(
      'SELECT decided_by_admin_id, decided_at, comment FROM approval_requests WHERE id = $1',
      [learner.requestId],
    );
    expect(row.rows[0]).to.include({ decided_by_admin_id: admin.id, comment: 'Welcome to junior.' });
    expect(row.rows[0].decided_at).to.be.instanceOf(Date);
  });

  it('approving twice: 409 approval_not_pending; an unknown request: 404', async () => {
    const learner = await waitingLearner();
    expect((await approve(learner.requestId)).status).to.equal(200);
    const again = await approve(learner.requestId);
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('approval_not_pending');
    expect((await approve(99999999)).status).to.equal(404);
  });

  it('reject needs a non-blank comment; the learner stays pending and may resubmit once', async () => {
    const learner = await waitingLearner();
    const blank = await reject(learner.requestId, '   ');
    expect(blank.status).to.equal(400);
    expect(blank.body.code).to.equal('validation_failed');
    const missing = await api.request('POST', `/api/v1/admin/approvals/${learner.requestId}/reject`, {
      token: admin.token,
      body: {},
    });
    expect(missing.status).to.equal(400);

    const rejected = await reject(learner.requestId, 'Read the testing articles again.');
    expect(rejected.status).to.equal(200);
    expect(rejected.body).to.include({ status: 'rejected', graduated: false });
    expect(await currentStageOf(api, learner.id)).to.include({ status: 'pending_approval' });

    const resubmitted = await api.request('POST', `/api/v1/approvals/${learner.requestId}/resubmit`, {
      token: learner.token,
    });
    expect(resubmitted.status).to.equal(201);
    expect(resubmitted.body).to.include({
      status: 'pending',
      type: 'rank_transition',
      from_stage_id: rejected.body.from_stage_id,
      to_stage_id: rejected.body.to_stage_id,
      decided_at: null,
    });
    const twice = await api.request('POST', `/api/v1/approvals/${learner.requestId}/resubmit`, {
      token: learner.token,
    });
    expect(twice.status).to.equal(409);
    expect(twice.body.code).to.equal('approval_already_pending');

    const mine = await api.request('GET', '/api/v1/approvals/my', { token: learner.token });
    expect(mine.body.map((r: { status: string }) => r.status)).to.deep.equal(['pending', 'rejected']);
    expect((await approve(resubmitted.body.request_id)).status).to.equal(200);
    const afterApproval = await api.request('POST', `/api/v1/approvals/${resubmitted.body.request_id}/resubmit`, {
      token: learner.token,
    });
    expect(afterApproval.status).to.equal(409);
    expect(afterApproval.body.code).to.equal('approval_not_rejected');
  });

  it("a learner cannot resubmit another learner's request (404)", async () => {
    const owner = await waitingLearner();
    const other = await newLearner(api);
    expect((await reject(owner.requestId, 'No.')).status).to.equal(200);
    const response = await api.request('POST', `/api/v1/approvals/${owner.requestId}/resubmit`, { token: other.token });
    expect(response.status).to.equal(404);
  });

  it('two admins racing on one request: exactly one decision lands, the other gets 409', async () => {
    const learner = await waitingLearner();
    const second = await newAdmin(api);
    const responses = await Promise.all([
      ...Array.from({ length: 15 }, () => approve(learner.requestId)),
      ...Array.from({ length: 15 }, () => reject(learner.requestId, 'Not yet.', second.token)),
    ]);
    expect(responses.filter((r) => r.status === 200)).to.have.length(1);
    expect(responses.filter((r) => r.status === 409 && r.body.code === 'approval_not_pending')).to.have.length(29);
    const current = await currentStageOf(api, learner.id);
    const winner = responses.find((r) => r.status === 200)!.body;
    expect(current).to.include(
      winner.status === 'approved'
        ? { rank: 'junior', level: 1, status: 'active' }
        : { rank: 'trainee', status: 'pending_approval' },
    );
  });

  it('approving graduation completes the last stage and sets graduated_at', async () => {
    const learner = await newLearner(api);
    await placeOnStage(api, learner.id, 'senior', 3);
    await completeContent(api, learner.id);
    await takeExam(api, learner.token, '/api/v1/exams/level', 'all');
    await takeExam(api, learner.token, '/api/v1/exams/rank-final', 'all');
    const request = (await api.request('GET', '/api/v1/approvals/my', { token: learner.token })).body[0];
    const response = await approve(request.request_id);
    expect(response.body).to.include({ status: 'approved', graduated: true, to_stage_id: null });
    expect(await currentStageOf(api, learner.id)).to.equal(undefined);
    const me = await api.request('GET', '/api/v1/users/me', { token: learner.token });
    expect(me.body.graduated_at).to.be.a('string');
    const start = await api.request('POST', '/api/v1/exams/level/start', { token: learner.token });
    expect(start.status).to.equal(409);
    expect(start.body.code).to.equal('no_active_stage');
  });

  it('the queue filters by status and type, pages with a cursor, and shows the detail with attempts', async () => {
    const learners = [await waitingLearner(), await waitingLearner(), await waitingLearner()];
    const ids = learners.map((l) => l.requestId);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: {
        status: number;
        body: { items: { request_id: number; status: string; type: string }[]; next_cursor: string | null };
      } = await api.request(
        'GET',
        `/api/v1/admin/approvals?status=pending&type=rank_transition&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        { token: admin.token },
      );
      expect(page.status).to.equal(200);
      expect(page.body.items.length).to.be.at.most(1);
      seen.push(...page.body.items.map((i) => i.request_id));
      expect(page.body.items.every((i) => i.status === 'pending' && i.type === 'rank_transition')).to.equal(true);
      cursor = page.body.next_cursor;
    } while (cursor !== null);
    expect(seen).to.include.members(ids);
    expect([...seen].sort((a, b) => a - b)).to.deep.equal(seen);
    const newest = await api.request('GET', '/api/v1/admin/approvals?order=newest&limit=100', { token: admin.token });
    expect(newest.body.items.map((i: { request_id: number }) => i.request_id)).to.deep.equal([...seen].reverse());

    const detail = await api.request('GET', `/api/v1/admin/approvals/${ids[0]}`, { token: admin.token });
    expect(detail.status).to.equal(200);
    expect(detail.body.user).to.deep.equal({
      id: learners[0]!.id,
      email: learners[0]!.email,
      full_name: 'Test Learner',
    });
    expect(detail.body.from_stage).to.include({ rank: 'trainee', level: 0 });
    expect(detail.body.to_stage).to.include({ rank: 'junior', level: 1 });
    expect(detail.body.level_exam_attempts).to.have.length(1);
    expect(detail.body.level_exam_attempts[0]).to.include({ passed: true, score_total: 20 });
    expect(detail.body.rank_final_attempts).to.deep.equal([]);

    const bad = await api.request('GET', '/api/v1/admin/approvals?cursor=bm9wZQ', { token: admin.token });
    expect(bad.status).to.equal(400);
    expect((await api.request('GET', '/api/v1/admin/approvals/99999999', { token: admin.token })).status).to.equal(404);
  });

  it('learner tokens never reach the admin queue (403), admin tokens never the learner list (403)', async () => {
    const learner = await newLearner(api);
    expect((await api.request('GET', '/api/v1/admin/approvals', { token: learner.token })).status).to.equal(403);
    expect((await api.request('GET', '/api/v1/approvals/my', { token: admin.token })).status).to.equal(403);
  });

  it('approve with no active settings version: 409 track_not_ready and nothing changes', async () => {
    const learner = await waitingLearner();
    const active = await api.db.pool.query<{ id: number }>(
      "UPDATE settings_versions SET status = 'archived', archived_at = now() WHERE status = 'active' AND track_id = (SELECT track_id FROM users WHERE id = $1) RETURNING id",
      [learner.id],
    );
    try {
      const response = await approve(learner.requestId);
      expect(response.status).to.equal(409);
      expect(response.body.code).to.equal('track_not_ready');
      expect(await currentStageOf(api, learner.id)).to.include({ rank: 'trainee', status: 'pending_approval' });
      const request = await api.db.pool.query('SELECT status, decided_at FROM approval_requests WHERE id = $1', [
        learner.requestId,
      ]);
      expect(request.rows[0]).to.deep.equal({ status: 'pending', decided_at: null });
    } finally {
      await api.db.pool.query("UPDATE settings_versions SET status = 'active', archived_at = NULL WHERE id = $1", [
        active.rows[0]!.id,
      ]);
    }
  });
});
