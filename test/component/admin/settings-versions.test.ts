import { expect } from 'chai';
import { PgSettingsVersions } from '../../../src/adapters/postgres/settings/settings-versions.repository.js';
import { loadSqlCatalogue } from '../../../src/adapters/postgres/sql-catalogue.js';
import { PgTransactor } from '../../../src/adapters/postgres/transactor.js';
import { DEFAULT_TRACK_SETTINGS } from '../../../src/domain/settings/track-settings.js';
import { DomainError } from '../../../src/domain/shared/domain-error.js';
import { useApi } from '../../support/api.js';
import { auditOf, createTrackWithModules } from '../../support/fixtures/admin.js';
import { SMALL_TRACK_SETTINGS } from '../../support/fixtures/settings-presets.js';
import { takeExam } from '../../support/fixtures/exams.js';
import { newAdmin, newLearner, type Admin } from '../../support/fixtures/identity.js';
import { completeReadingList, takeDiagnostika } from '../../support/fixtures/journey.js';
import { SEEDED_SETTINGS } from '../../support/fixtures/settings-presets.js';

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('admin: settings versions', () => {
  const api = useApi();
  let admin: Admin;
  let defaultTrackId: number;

  before(async () => {
    admin = await newAdmin(api);
    const tracks = await api.request('GET', '/api/v1/admin/tracks', { token: admin.token });
    defaultTrackId = tracks.body.find((track: { name: string }) => track.name === 'default').id;
  });

  const versionsPath = (trackId: number) => `/api/v1/admin/tracks/${trackId}/settings-versions`;
  const createDraft = (trackId: number, body: Record<string, unknown> = {}, token = admin.token) =>
    api.request('POST', versionsPath(trackId), { token, body });

  /** A track of its own with `modules` modules and an active version 1 of the small-track settings. */
  const trackWithActiveVersion = async (modules = 2) => {
    const track = await createTrackWithModules(api, admin, modules);
    const first = await createDraft(track.id, { settings: SMALL_TRACK_SETTINGS });
    expect(first.status, first.text).to.equal(201);
    const activated = await api.request('POST', `/api/v1/admin/settings-versions/${first.body.id}/activate`, {
      token: admin.token,
    });
    expect(activated.status, activated.text).to.equal(200);
    return { track, active: activated.body };
  };

  it('lists the versions of a track with their settings (the seeded bootstrap version of the default track)', async () => {
    const response = await api.request('GET', versionsPath(defaultTrackId), { token: admin.token });
    expect(response.status).to.equal(200);
    expect(response.body).to.have.length(1);
    const [seeded] = response.body;
    expect(seeded).to.deep.equal({
      id: seeded.id,
      track_id: defaultTrackId,
      version_no: 1,
      status: 'active',
      note: 'bootstrap settings (seed)',
      created_at: seeded.created_at,
      created_by_admin_id: null,
      activated_at: seeded.activated_at,
      archived_at: null,
      settings: SEEDED_SETTINGS,
    });
    expect(seeded.activated_at).to.match(TIMESTAMP);
  });

  it("creates a draft copied from the active version with partial overrides, numbered after the last version, recorded as the admin's", async () => {
    const { track, active } = await trackWithActiveVersion();
    const response = await createDraft(track.id, {
      note: '  stricter exams  ',
      settings: { level_exam_pass_score: 4, weakness_metric: 'errors' },
    });
    expect(response.status, response.text).to.equal(201);
    expect(response.body).to.deep.equal({
      id: response.body.id,
      track_id: track.id,
      version_no: 2,
      status: 'draft',
      note: 'stricter exams',
      created_at: response.body.created_at,
      created_by_admin_id: admin.id,
      activated_at: null,
      archived_at: null,
      settings: { ...SMALL_TRACK_SETTINGS, level_exam_pass_score: 4, weakness_metric: 'errors' },
    });
    const got = await api.request('GET', `/api/v1/admin/settings-versions/${response.body.id}`, { token: admin.token });
    expect(got.body).to.deep.equal(response.body);
    const list = await api.request('GET', versionsPath(track.id), { token: admin.token });
    expect(list.body.map((v: { id: number; status: string }) => [v.id, v.status])).to.deep.equal([
      [response.body.id, 'draft'],
      [active.id, 'active'],
    ]);
    expect(
      (await auditOf(api, admin, 'settings_version', response.body.id)).map((entry) => [
        entry.action,
        entry.admin_id,
        entry.details,
      ]),
    ).to.deep.equal([
      [
        'settings_version.create',
        admin.id,
        {
          track_id: track.id,
          version_no: 2,
          based_on_version_id: active.id,
          overrides: { level_exam_pass_score: 4, weakness_metric: 'errors' },
        },
      ],
    ]);
  });

  it("copies `based_on_version_id` instead of the active version; another track's version or an unknown track is 404", async () => {
    const { track } = await trackWithActiveVersion();
    const base = await createDraft(track.id, { settings: { level_exam_pass_score: 2 } });
    const copy = await createDraft(track.id, { based_on_version_id: base.body.id, settings: { k_exam: 2 } });
    expect(copy.status).to.equal(201);
    expect(copy.body.settings).to.deep.equal({ ...SMALL_TRACK_SETTINGS, level_exam_pass_score: 2, k_exam: 2 });
    expect(copy.body.version_no).to.equal(3);

    const foreign = await createDraft(defaultTrackId, { based_on_version_id: base.body.id });
    expect(foreign.status).to.equal(404);
    expect(foreign.body.code).to.equal('not_found');
    const unknownTrack = await createDraft(99_999_999);
    expect(unknownTrack.status).to.equal(404);
    expect((await api.request('GET', versionsPath(99_999_999), { token: admin.token })).status).to.equal(404);
    expect(
      (await api.request('GET', '/api/v1/admin/settings-versions/99999999', { token: admin.token })).status,
    ).to.equal(404);
  });

  it('starts the first version of a new track from the platform defaults (with its module count) and checks it against its modules', async () => {
    const track = await createTrackWithModules(api, admin, 5);
    const first = await createDraft(track.id);
    expect(first.status, first.text).to.equal(201);
    expect(first.body.settings).to.deep.equal(SEEDED_SETTINGS);
    expect(first.body.version_no).to.equal(1);
    // With 2 modules of at most 6 questions, a 20-question level exam cannot be assembled.
    const small = await createTrackWithModules(api, admin, 2);
    const refused = await createDraft(small.id);
    expect(refused.status).to.equal(422);
    expect(refused.body.code).to.equal('settings_invalid');
    expect(refused.body.errors).to.deep.equal([
      {
        code: 'capacity_below_total',
        message: '2 modules × level_exam_max_per_module (2 × 6 = 12) must be >= level_exam_total_q (20)',
        path: '/body/settings/level_exam_total_q',
      },
      {
        code: 'capacity_below_total',
        message: '2 modules × rank_final_max_per_module (2 × 12 = 24) must be >= rank_final_total_q (40)',
        path: '/body/settings/rank_final_total_q',
      },
    ]);
    expect(DEFAULT_TRACK_SETTINGS.levelExamTotalQ).to.equal(20);
  });

  it('refuses inconsistent settings with 422 settings_invalid listing every violated rule, and writes nothing', async () => {
    const { track } = await trackWithActiveVersion();
    const response = await createDraft(track.id, {
      settings: {
        level_exam_pass_score: 5,
        level_exam_total_q: 4,
        k_exam: 0,
        rank_final_min_per_module: 5,
        rank_final_max_per_module: 2,
        entry_per_module_q: 0,
      },
    });
    expect(response.status).to.equal(422);
    expect(response.body.code).to.equal('settings_invalid');
    expect(
      response.body.errors.map((error: { code: string; path: string }) => `${error.code} ${error.path}`),
    ).to.deep.equal([
      'per_module_below_one /body/settings/entry_per_module_q',
      'pass_score_above_total /body/settings/level_exam_pass_score',
      'k_below_one /body/settings/k_exam',
      'min_above_max /body/settings/rank_final_min_per_module',
      'k_times_min_above_total /body/settings/rank_final_total_q',
    ]);
    const list = await api.request('GET', versionsPath(track.id), { token: admin.token });
    expect(list.body).to.have.length(1);
  });

  it('refuses a malformed body with 400 validation_failed (unknown setting, negative value, unknown metric)', async () => {
    const { track } = await trackWithActiveVersion();
    for (const settings of [{ level_exam_k: 3 }, { k_exam: -1 }, { weakness_metric: 'median' }, { k_exam: 1.5 }]) {
      const response = await createDraft(track.id, { settings });
      expect(response.status, JSON.stringify(settings)).to.equal(400);
      expect(response.body.code).to.equal('validation_failed');
    }
  });

  it('edits a draft (settings and note) and re-checks it as a whole; 422 leaves it unchanged', async () => {
    const { track } = await trackWithActiveVersion();
    const draft = await createDraft(track.id, { note: 'first' });
    const edited = await api.request('PATCH', `/api/v1/admin/settings-versions/${draft.body.id}`, {
      token: admin.token,
      body: { note: 'second', settings: { level_exam_total_q: 5, level_exam_pass_score: 5 } },
    });
    expect(edited.status, edited.text).to.equal(200);
    expect(edited.body).to.deep.equal({
      ...draft.body,
      note: 'second',
      settings: { ...SMALL_TRACK_SETTINGS, level_exam_total_q: 5, level_exam_pass_score: 5 },
    });
    expect(
      (await api.request('GET', `/api/v1/admin/settings-versions/${draft.body.id}`, { token: admin.token })).body,
    ).to.deep.equal(edited.body);

    const cleared = await api.request('PATCH', `/api/v1/admin/settings-versions/${draft.body.id}`, {
      token: admin.token,
      body: { note: null },
    });
    expect(cleared.status, cleared.text).to.equal(200);
    expect(cleared.body.note).to.equal(null);
    expect(cleared.body.settings).to.deep.equal(edited.body.settings);

    const invalid = await api.request('PATCH', `/api/v1/admin/settings-versions/${draft.body.id}`, {
      token: admin.token,
      body: { settings: { level_exam_pass_score: 6 } },
    });
    expect(invalid.status).to.equal(422);
    expect(invalid.body.errors).to.deep.equal([
      {
        code: 'pass_score_above_total',
        message: 'level_exam_pass_score (6) must be <= level_exam_total_q (5)',
        path: '/body/settings/level_exam_pass_score',
      },
    ]);
    expect(
      (await api.request('GET', `/api/v1/admin/settings-versions/${draft.body.id}`, { token: admin.token })).body
        .settings.level_exam_pass_score,
    ).to.equal(5);

    const empty = await api.request('PATCH', `/api/v1/admin/settings-versions/${draft.body.id}`, {
      token: admin.token,
      body: {},
    });
    expect(empty.status).to.equal(400);
    expect(
      (
        await api.request('PATCH', '/api/v1/admin/settings-versions/99999999', {
          token: admin.token,
          body: { note: 'x' },
        })
      ).status,
    ).to.equal(404);
  });

  it('refuses to edit an active or archived version with 409 settings_version_not_draft', async () => {
    const { track, active } = await trackWithActiveVersion();
    const draft = await createDraft(track.id);
    await api.request('POST', `/api/v1/admin/settings-versions/${draft.body.id}/activate`, { token: admin.token });
    for (const id of [draft.body.id, active.id]) {
      const response = await api.request('PATCH', `/api/v1/admin/settings-versions/${id}`, {
        token: admin.token,
        body: { settings: { k_exam: 2 } },
      });
      expect(response.status).to.equal(409);
      expect(response.body.code).to.equal('settings_version_not_draft');
    }
  });

  it('activates a draft and archives the previous active version in the same transaction', async () => {
    const { track, active } = await trackWithActiveVersion();
    const draft = await createDraft(track.id, { settings: { level_exam_pass_score: 4 } });
    const response = await api.request('POST', `/api/v1/admin/settings-versions/${draft.body.id}/activate`, {
      token: admin.token,
    });
    expect(response.status).to.equal(200);
    expect(response.body).to.deep.equal({ ...draft.body, status: 'active', activated_at: response.body.activated_at });
    expect(response.body.activated_at).to.match(TIMESTAMP);
    const list = await api.request('GET', versionsPath(track.id), { token: admin.token });
    const previous = list.body.find((v: { id: number }) => v.id === active.id);
    expect(previous).to.deep.equal({ ...active, status: 'archived', archived_at: previous.archived_at });
    expect(
      (await api.request('GET', `/api/v1/admin/tracks/${track.id}`, { token: admin.token })).body
        .active_settings_version_id,
    ).to.equal(draft.body.id);
    expect(
      (await auditOf(api, admin, 'settings_version', draft.body.id)).map((entry) => [entry.action, entry.details]),
    ).to.deep.equal([
      ['settings_version.activate', { track_id: track.id, archived_version_id: active.id }],
      [
        'settings_version.create',
        { track_id: track.id, version_no: 2, based_on_version_id: active.id, overrides: { level_exam_pass_score: 4 } },
      ],
    ]);
  });

  it('refuses to activate an active or archived version (409) and an unknown one (404)', async () => {
    const { track, active } = await trackWithActiveVersion();
    const again = await api.request('POST', `/api/v1/admin/settings-versions/${active.id}/activate`, {
      token: admin.token,
    });
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('settings_version_not_draft');
    const draft = await createDraft(track.id);
    await api.request('POST', `/api/v1/admin/settings-versions/${draft.body.id}/activate`, { token: admin.token });
    const archived = await api.request('POST', `/api/v1/admin/settings-versions/${active.id}/activate`, {
      token: admin.token,
    });
    expect(archived.status).to.equal(409);
    expect(archived.body.code).to.equal('settings_version_not_draft');
    expect(
      (await api.request('POST', '/api/v1/admin/settings-versions/99999999/activate', { token: admin.token })).status,
    ).to.equal(404);
  });

  it('refuses to activate a draft the track no longer fits (422)', async () => {
    const { track } = await trackWithActiveVersion();
    const draft = await createDraft(track.id);
    // The draft was valid when saved; a database edit (as by an older release) makes it unfit.
    await api.db.pool.query(
      'UPDATE track_settings SET level_exam_max_per_module = 1, level_exam_min_per_module = 1 WHERE settings_version_id = $1',
      [draft.body.id],
    );
    const response = await api.request('POST', `/api/v1/admin/settings-versions/${draft.body.id}/activate`, {
      token: admin.token,
    });
    expect(response.status).to.equal(422);
    expect(response.body.code).to.equal('settings_invalid');
    expect(response.body.errors.map((e: { code: string }) => e.code)).to.deep.equal(['capacity_below_total']);
  });

  it('archives (discards) a draft; the active version and an archived one are refused with 409', async () => {
    const { track, active } = await trackWithActiveVersion();
    const draft = await createDraft(track.id);
    const archived = await api.request('POST', `/api/v1/admin/settings-versions/${draft.body.id}/archive`, {
      token: admin.token,
    });
    expect(archived.status).to.equal(200);
    expect(archived.body).to.deep.equal({ ...draft.body, status: 'archived', archived_at: archived.body.archived_at });
    expect(archived.body.archived_at).to.match(TIMESTAMP);
    for (const id of [active.id, draft.body.id]) {
      const refused = await api.request('POST', `/api/v1/admin/settings-versions/${id}/archive`, {
        token: admin.token,
      });
      expect(refused.status).to.equal(409);
      expect(refused.body.code).to.equal('settings_version_not_draft');
    }
    expect(
      (await api.request('GET', `/api/v1/admin/tracks/${track.id}`, { token: admin.token })).body
        .active_settings_version_id,
    ).to.equal(active.id);
    expect(
      (await api.request('POST', '/api/v1/admin/settings-versions/99999999/archive', { token: admin.token })).status,
    ).to.equal(404);
  });

  it('leaves exactly one active version when 30 different drafts of one track are activated at once', async () => {
    const { track } = await trackWithActiveVersion();
    const drafts: number[] = [];
    for (let i = 0; i < 30; i++) drafts.push((await createDraft(track.id, { note: `draft ${i}` })).body.id);
    const responses = await Promise.all(
      drafts.map((id) => api.request('POST', `/api/v1/admin/settings-versions/${id}/activate`, { token: admin.token })),
    );
    // Activations on one track run one after the other: each finds its own draft still a draft.
    expect(responses.map((r) => r.status)).to.deep.equal(drafts.map(() => 200));
    const rows = await api.db.pool.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM settings_versions WHERE track_id = $1 GROUP BY status ORDER BY status',
      [track.id],
    );
    expect(rows.rows).to.deep.equal([
      { status: 'active', n: 1 },
      { status: 'archived', n: 30 },
    ]);
    // The survivor is the last one activated.
    const last = await api.db.pool.query(
      'SELECT id FROM settings_versions WHERE track_id = $1 ORDER BY activated_at DESC LIMIT 1',
      [track.id],
    );
    expect(
      (await api.request('GET', `/api/v1/admin/tracks/${track.id}`, { token: admin.token })).body
        .active_settings_version_id,
    ).to.equal(last.rows[0].id);
  });

  it('lets exactly one of 30 concurrent activations of the same draft win; the others get 409', async () => {
    const { track } = await trackWithActiveVersion();
    const draft = await createDraft(track.id);
    const responses = await Promise.all(
      Array.from({ length: 30 }, () =>
        api.request('POST', `/api/v1/admin/settings-versions/${draft.body.id}/activate`, { token: admin.token }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).to.have.length(1);
    expect(statuses.filter((s) => s === 409)).to.have.length(29);
    expect(
      responses.filter((r) => r.status === 409).every((r) => r.body.code === 'settings_version_not_draft'),
    ).to.equal(true);
  });

  it('numbers 30 concurrently created drafts 2..31 without a gap or a duplicate', async () => {
    const { track } = await trackWithActiveVersion();
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => createDraft(track.id, { note: `n${i}` })));
    expect(responses.every((r) => r.status === 201)).to.equal(true);
    expect(responses.map((r) => r.body.version_no).sort((a, b) => a - b)).to.deep.equal(
      Array.from({ length: 30 }, (_, i) => i + 2),
    );
  });

  it("turns the database's own refusal to change a frozen version into settings_version_not_draft", async () => {
    // Below the use case: the trigger of migration 0003 is the last line of defence.
    const { active } = await trackWithActiveVersion();
    const versions = new PgSettingsVersions(loadSqlCatalogue());
    const attempt = new PgTransactor(api.db.pool).run((tx) =>
      versions.updateDraft(tx, active.id, {
        note: null,
        settings: { ...DEFAULT_TRACK_SETTINGS, expectedModulesCount: 2 },
      }),
    );
    const error = await attempt.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(DomainError);
    expect((error as DomainError).code).to.equal('settings_version_not_draft');
  });

  it('pins a learner to the version active when each stage starts: a version activated mid-stage applies from the next stage on', async () => {
    const track = (await api.request('GET', `/api/v1/admin/tracks/${defaultTrackId}`, { token: admin.token })).body;
    const learner = await newLearner(api);
    const v1 = track.active_settings_version_id;
    await takeDiagnostika(api, learner.token);
    expect((await api.request('POST', '/api/v1/content/assign', { token: learner.token })).status).to.equal(201);
    await completeReadingList(api, learner.token);

    // Mid-stage, an admin publishes stricter level exams.
    const v2 = await createDraft(defaultTrackId, { settings: { level_exam_pass_score: 20 } });
    expect(
      (await api.request('POST', `/api/v1/admin/settings-versions/${v2.body.id}/activate`, { token: admin.token }))
        .status,
    ).to.equal(200);

    // The current stage keeps version 1: its exam still passes at 15 of 20.
    expect((await api.request('GET', '/api/v1/progress/settings', { token: learner.token })).body).to.include({
      settings_version_id: v1,
      level_exam_pass_score: 15,
    });
    const exam = await takeExam(api, learner.token, '/api/v1/exams/level', 15);
    expect(exam.result).to.deep.include({ pass_score: 15, score_total: 15, passed: true });

    // The next stage starts (approval of the rank transition) under version 2.
    const request = (await api.request('GET', `/api/v1/admin/users/${learner.id}`, { token: admin.token })).body
      .approvals[0];
    expect(
      (
        await api.request('POST', `/api/v1/admin/approvals/${request.request_id}/approve`, {
          token: admin.token,
          body: {},
        })
      ).status,
    ).to.equal(200);
    expect((await api.request('GET', '/api/v1/progress/settings', { token: learner.token })).body).to.include({
      settings_version_id: v2.body.id,
      level_exam_pass_score: 20,
    });
    const detail = await api.request('GET', `/api/v1/admin/users/${learner.id}`, { token: admin.token });
    expect(
      detail.body.stages.map((stage: { rank: string; settings_version_id: number; settings_version_no: number }) => [
        stage.rank,
        stage.settings_version_id,
        stage.settings_version_no,
      ]),
    ).to.deep.equal([
      ['trainee', v1, 1],
      ['junior', v2.body.id, v2.body.version_no],
    ]);
  });
});
