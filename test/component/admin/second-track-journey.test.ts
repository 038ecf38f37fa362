import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { uniqueName } from '../../support/fixtures/admin.js';
import { SMALL_TRACK_SETTINGS } from '../../support/fixtures/settings-presets.js';
import { takeExam } from '../../support/fixtures/exams.js';
import { newAdmin, newLearner } from '../../support/fixtures/identity.js';
import { completeReadingList, takeDiagnostika } from '../../support/fixtures/journey.js';

/**
 * A second track is built entirely through the admin API (modules, bank,
 * articles with minitests, a settings version), activated, and a learner signs up on it and
 * completes its first stage.
 */
describe('admin: a second track built through the API carries a learner through its first stage', () => {
  const api = useApi();

  it('authors the track, publishes its settings, and a learner completes trainee 0 and moves on to junior 1', async () => {
    const admin = await newAdmin(api);
    const as = { token: admin.token };

    // 1. The track (with the standard ladder) and its modules.
    const track = await api.request('POST', '/api/v1/admin/tracks', {
      ...as,
      body: { name: uniqueName('data-engineering') },
    });
    expect(track.status).to.equal(201);
    const [trainee, junior1] = track.body.stages;
    const modules = [];
    for (const name of ['spark', 'airflow']) {
      const module = await api.request('POST', `/api/v1/admin/tracks/${track.body.id}/modules`, {
        ...as,
        body: { name },
      });
      expect(module.status).to.equal(201);
      modules.push(module.body);
    }

    // 2. A bank of 6 questions per module, the correct option spread over the positions.
    const bank = new Map<number, number[]>();
    for (const module of modules) {
      const ids: number[] = [];
      for (let q = 1; q <= 6; q++) {
        const question = await api.request('POST', `/api/v1/admin/modules/${module.id}/questions`, {
          ...as,
          body: {
            text: `${module.name}: question ${q}?`,
            options: ['one', 'two', 'three', 'four'],
            correct_option_pos: ((q - 1) % 4) + 1,
          },
        });
        expect(question.status).to.equal(201);
        ids.push(question.body.id);
      }
      bank.set(module.id, ids);
    }

    // 3. On trainee 0 and junior 1, per module: an optional article and a required one with its minitest.
    for (const stage of [trainee, junior1]) {
      for (const module of modules) {
        const optional = await api.request('POST', '/api/v1/admin/articles', {
          ...as,
          body: {
            module_id: module.id,
            stage_id: stage.id,
            kind: 'optional',
            title: `${module.name} background`,
            content_ref: uniqueName(`${module.name}/${stage.rank}-${stage.level}/background`),
            body: '# Background',
          },
        });
        expect(optional.status).to.equal(201);
        const required = await api.request('POST', '/api/v1/admin/articles', {
          ...as,
          body: {
            module_id: module.id,
            stage_id: stage.id,
            kind: 'required',
            title: `${module.name} essentials`,
            content_ref: uniqueName(`${module.name}/${stage.rank}-${stage.level}/essentials`),
            body: '# Essentials',
          },
        });
        expect(required.status).to.equal(201);
        const minitest = await api.request('PUT', `/api/v1/admin/articles/${required.body.id}/minitest`, {
          ...as,
          body: { question_ids: bank.get(module.id)!.slice(0, 3) },
        });
        expect(minitest.status, minitest.text).to.equal(200);
      }
    }

    // 4. Not ready for learners until a settings version is active.
    const early = await api.request('POST', '/api/v1/auth/signup', {
      body: {
        email: `${uniqueName('early')}@example.com`,
        full_name: 'Too Early',
        password: 'password-ok',
        track_id: track.body.id,
      },
    });
    expect(early.status).to.equal(409);
    expect(early.body.code).to.equal('track_not_ready');
    const draft = await api.request('POST', `/api/v1/admin/tracks/${track.body.id}/settings-versions`, {
      ...as,
      body: { note: 'launch', settings: SMALL_TRACK_SETTINGS },
    });
    expect(draft.status, draft.text).to.equal(201);
    const activated = await api.request('POST', `/api/v1/admin/settings-versions/${draft.body.id}/activate`, as);
    expect(activated.status).to.equal(200);

    // 5. A learner signs up on the new track, pinned to that version, and takes the diagnostika.
    const learner = await newLearner(api, { track_id: track.body.id });
    const stage = await api.request('GET', '/api/v1/progress/current-stage', { token: learner.token });
    expect(stage.body).to.include({
      track_id: track.body.id,
      stage_id: trainee.id,
      rank: 'trainee',
      level: 0,
      status: 'active',
      settings_version_id: draft.body.id,
    });
    const diagnostika = await takeDiagnostika(api, learner.token, [modules[1].id]);
    expect(diagnostika.result.total_q).to.equal(4);

    // 6. Reading list (1 optional per module, 1 required for the weak module), then the level exam.
    const assigned = await api.request('POST', '/api/v1/content/assign', { token: learner.token });
    expect(assigned.status, assigned.text).to.equal(201);
    expect(assigned.body).to.deep.include({
      stage_id: trainee.id,
      assigned_optional: 2,
      assigned_required: 1,
      weak_module_ids: [modules[1].id],
    });
    await completeReadingList(api, learner.token);
    const eligibility = await api.request('GET', '/api/v1/progress/eligibility', { token: learner.token });
    expect(eligibility.body.eligible).to.equal(true);
    const exam = await takeExam(api, learner.token, '/api/v1/exams/level', 'all');
    expect(exam.result).to.deep.include({ total_q: 4, pass_score: 3, passed: true });
    expect(exam.result.progress).to.deep.equal({
      action: 'pending_approval',
      from_stage_id: trainee.id,
      to_stage_id: junior1.id,
    });

    // 7. The admin approves the rank transition: trainee 0 is completed, junior 1 starts.
    const detail = await api.request('GET', `/api/v1/admin/users/${learner.id}`, as);
    const [request] = detail.body.approvals;
    const approved = await api.request('POST', `/api/v1/admin/approvals/${request.request_id}/approve`, {
      ...as,
      body: {},
    });
    expect(approved.status, approved.text).to.equal(200);
    const after = await api.request('GET', `/api/v1/admin/users/${learner.id}`, as);
    expect(
      after.body.stages.map((s: { rank: string; level: number; status: string; settings_version_id: number }) => [
        s.rank,
        s.level,
        s.status,
        s.settings_version_id,
      ]),
    ).to.deep.equal([
      ['trainee', 0, 'completed', draft.body.id],
      ['junior', 1, 'active', draft.body.id],
    ]);
    const next = await api.request('GET', '/api/v1/progress/current-stage', { token: learner.token });
    expect(next.body).to.include({ stage_id: junior1.id, rank: 'junior', level: 1, status: 'active' });
    // and junior 1's reading list comes from the articles authored above
    const junior = await api.request('POST', '/api/v1/content/assign', { token: learner.token });
    expect(junior.status, junior.text).to.equal(201);
    expect(junior.body).to.include({ stage_id: junior1.id, assigned_optional: 2, assigned_required: 1 });
  });
});
