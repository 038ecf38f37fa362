import { expect } from 'chai';
import { useTestDatabase } from '../../support/database.js';
import {
  createAdmin,
  createSettingsVersion,
  insertId,
  insertTrackSettings,
  unique,
  VALID_SETTINGS,
  type Settings,
} from '../fixtures/rows.js';
import { expectRefused, PG } from '../fixtures/refusal.js';

describe('schema constraints: settings (settings_versions, track_settings)', () => {
  const db = useTestDatabase();

  const newTrackId = () => insertId(db.pool, 'INSERT INTO tracks (name) VALUES ($1) RETURNING id', [unique('track')]);
  const insertVersion = (
    trackId: number,
    fields: { versionNo?: number; status?: string; activatedAt?: boolean; archivedAt?: boolean; adminId?: number } = {},
  ) =>
    db.pool.query(
      `INSERT INTO settings_versions (track_id, version_no, status, activated_at, archived_at, created_by_admin_id)
       VALUES ($1, $2, $3, CASE WHEN $4 THEN now() END, CASE WHEN $5 THEN now() END, $6) RETURNING id`,
      [
        trackId,
        fields.versionNo ?? 1,
        fields.status ?? 'draft',
        fields.activatedAt ?? false,
        fields.archivedAt ?? false,
        fields.adminId ?? null,
      ],
    );

  describe('settings_versions', () => {
    it('knows only draft, active and archived', async () => {
      const trackId = await newTrackId();
      await expectRefused(
        insertVersion(trackId, { status: 'published' }),
        PG.checkViolation,
        'ck_settings_versions_status',
      );
      await insertVersion(trackId, { status: 'draft' });
    });

    it('numbers versions from 1, once per track', async () => {
      const trackId = await newTrackId();
      await expectRefused(
        insertVersion(trackId, { versionNo: 0 }),
        PG.checkViolation,
        'ck_settings_versions_version_no_min',
      );
      await insertVersion(trackId, { versionNo: 1 });
      await expectRefused(
        insertVersion(trackId, { versionNo: 1 }),
        PG.uniqueViolation,
        'uq_settings_versions_track_version',
      );
      await insertVersion(trackId, { versionNo: 2 });
      await insertVersion(await newTrackId(), { versionNo: 1 });
    });

    it('keeps at most one active version per track (any number of drafts and archived ones)', async () => {
      const trackId = await newTrackId();
      await insertVersion(trackId, { versionNo: 1, status: 'active', activatedAt: true });
      await expectRefused(
        insertVersion(trackId, { versionNo: 2, status: 'active', activatedAt: true }),
        PG.uniqueViolation,
        'uq_settings_versions_one_active_per_track',
      );
      await insertVersion(trackId, { versionNo: 2, status: 'draft' });
      await insertVersion(trackId, { versionNo: 3, status: 'draft' });
      await insertVersion(trackId, { versionNo: 4, status: 'archived', activatedAt: true, archivedAt: true });
      await insertVersion(trackId, { versionNo: 5, status: 'archived', activatedAt: true, archivedAt: true });
      await insertVersion(await newTrackId(), { versionNo: 1, status: 'active', activatedAt: true });
    });

    it('activation archives the previous version first, then activates the draft', async () => {
      const trackId = await newTrackId();
      const v1 = Number(
        (await insertVersion(trackId, { versionNo: 1, status: 'active', activatedAt: true })).rows[0].id,
      );
      const v2 = Number((await insertVersion(trackId, { versionNo: 2 })).rows[0].id);
      await expectRefused(
        db.pool.query(`UPDATE settings_versions SET status = 'active', activated_at = now() WHERE id = $1`, [v2]),
        PG.uniqueViolation,
        'uq_settings_versions_one_active_per_track',
      );
      await db.pool.query(`UPDATE settings_versions SET status = 'archived', archived_at = now() WHERE id = $1`, [v1]);
      await db.pool.query(`UPDATE settings_versions SET status = 'active', activated_at = now() WHERE id = $1`, [v2]);
      const { rows } = await db.pool.query(
        `SELECT id FROM settings_versions WHERE track_id = $1 AND status = 'active'`,
        [trackId],
      );
      expect(rows.map((row) => Number(row.id))).to.deep.equal([v2]);
    });

    it('keeps a draft free of activation and archive timestamps', async () => {
      const trackId = await newTrackId();
      await expectRefused(
        insertVersion(trackId, { status: 'draft', activatedAt: true }),
        PG.checkViolation,
        'ck_settings_versions_draft_timestamps',
      );
      await expectRefused(
        insertVersion(trackId, { status: 'draft', archivedAt: true }),
        PG.checkViolation,
        'ck_settings_versions_draft_timestamps',
      );
    });

    it('gives an active version its activation time and no archive time', async () => {
      const trackId = await newTrackId();
      await expectRefused(
        insertVersion(trackId, { status: 'active' }),
        PG.checkViolation,
        'ck_settings_versions_active_timestamps',
      );
      await expectRefused(
        insertVersion(trackId, { status: 'active', activatedAt: true, archivedAt: true }),
        PG.checkViolation,
        'ck_settings_versions_active_timestamps',
      );
    });

    it('gives an archived version its archive time (a never-activated draft may be archived)', async () => {
      const trackId = await newTrackId();
      await expectRefused(
        insertVersion(trackId, { status: 'archived', activatedAt: true }),
        PG.checkViolation,
        'ck_settings_versions_archived_timestamps',
      );
      await insertVersion(trackId, { versionNo: 1, status: 'archived', archivedAt: true });
    });

    it('refers to an existing track and an existing admin', async () => {
      await expectRefused(insertVersion(-1), PG.foreignKeyViolation, 'fk_settings_versions_track_id_tracks');
      const trackId = await newTrackId();
      await expectRefused(
        insertVersion(trackId, { adminId: -1 }),
        PG.foreignKeyViolation,
        'fk_settings_versions_created_by_admin_id_admin_users',
      );
      await insertVersion(trackId, { adminId: await createAdmin(db.pool) });
    });
  });

  describe('track_settings', () => {
    /** A draft version without its parameter row yet. */
    const newDraft = async () => Number((await insertVersion(await newTrackId())).rows[0].id);

    const refusals: ReadonlyArray<[string, Partial<Settings>, string]> = [
      ['a negative expected module count', { expected_modules_count: -1 }, 'ck_track_settings_expected_modules_count'],
      ['a diagnostika of 0 questions', { entry_total_q: 0 }, 'ck_track_settings_entry_total_q'],
      ['0 diagnostika questions per module', { entry_per_module_q: 0 }, 'ck_track_settings_entry_per_module_q'],
      ['a level exam pass score of 0', { level_exam_pass_score: 0 }, 'ck_track_settings_level_exam_pass_score'],
      [
        'a level exam pass score above its total',
        { level_exam_pass_score: 21 },
        'ck_track_settings_level_exam_pass_score',
      ],
      [
        'a level exam of 0 questions',
        { level_exam_total_q: 0, level_exam_min_per_module: 0 },
        'ck_track_settings_level_exam_pass_score',
      ],
      ['k_exam = 0', { k_exam: 0 }, 'ck_track_settings_k_exam'],
      ['a negative level exam min per module', { level_exam_min_per_module: -1 }, 'ck_track_settings_level_exam_min'],
      [
        'level exam min > max',
        { level_exam_min_per_module: 5, level_exam_max_per_module: 4 },
        'ck_track_settings_level_exam_min_le_max',
      ],
      [
        'k_exam × min > total',
        { k_exam: 4, level_exam_min_per_module: 6 },
        'ck_track_settings_level_exam_k_min_le_total',
      ],
      [
        'k_exam × min beyond the integer range',
        { k_exam: 2147483647, level_exam_min_per_module: 2, level_exam_max_per_module: 2 },
        'ck_track_settings_level_exam_k_min_le_total',
      ],
      ['a rank final pass score of 0', { rank_final_pass_score: 0 }, 'ck_track_settings_rank_final_pass_score'],
      [
        'a rank final pass score above its total',
        { rank_final_pass_score: 41 },
        'ck_track_settings_rank_final_pass_score',
      ],
      [
        'a rank final of 0 questions',
        { rank_final_total_q: 0, rank_final_min_per_module: 0 },
        'ck_track_settings_rank_final_pass_score',
      ],
      ['k_final = 0', { k_final: 0 }, 'ck_track_settings_k_final'],
      ['a negative rank final min per module', { rank_final_min_per_module: -1 }, 'ck_track_settings_rank_final_min'],
      [
        'rank final min > max',
        { rank_final_min_per_module: 10, rank_final_max_per_module: 9 },
        'ck_track_settings_rank_final_min_le_max',
      ],
      [
        'k_final × min > total',
        { k_final: 3, rank_final_min_per_module: 14, rank_final_max_per_module: 14 },
        'ck_track_settings_rank_final_k_min_le_total',
      ],
      [
        'k_final × min beyond the integer range',
        { k_final: 2147483647, rank_final_min_per_module: 3, rank_final_max_per_module: 3 },
        'ck_track_settings_rank_final_k_min_le_total',
      ],
      ['content K = 0', { content_k_weak_modules: 0 }, 'ck_track_settings_content_k_weak_modules'],
      [
        'a negative optional count',
        { content_optional_per_module: -1 },
        'ck_track_settings_content_optional_per_module',
      ],
      ['an unknown weakness metric', { weakness_metric: 'guesswork' }, 'ck_track_settings_weakness_metric'],
      ['item_min_responses = 0', { item_min_responses: 0 }, 'ck_track_settings_item_min_responses'],
      ['a facility percentage above 100', { item_max_facility_pct: 101 }, 'ck_track_settings_item_facility_pct_range'],
      [
        'a min facility above the max',
        { item_min_facility_pct: 60, item_max_facility_pct: 50 },
        'ck_track_settings_item_facility_min_le_max',
      ],
      [
        'a negative discrimination percentage',
        { item_min_discrimination_pct: -1 },
        'ck_track_settings_item_min_discrimination_pct',
      ],
      ['exclude_flagged_items = 2', { exclude_flagged_items: 2 }, 'ck_track_settings_exclude_flagged_items'],
      ['a negative time limit', { level_exam_time_limit_minutes: -1 }, 'ck_track_settings_level_exam_time_limit'],
      [
        'a time limit beyond a week',
        { rank_final_time_limit_minutes: 10_081 },
        'ck_track_settings_rank_final_time_limit',
      ],
      [
        'a negative diagnostika time limit',
        { diagnostika_time_limit_minutes: -5 },
        'ck_track_settings_diagnostika_time_limit',
      ],
    ];
    for (const [what, overrides, constraint] of refusals) {
      it(`refuses ${what}`, async () => {
        await expectRefused(insertTrackSettings(db.pool, await newDraft(), overrides), PG.checkViolation, constraint);
      });
    }

    it('accepts the boundary values next to each refused one', async () => {
      const boundaries: Array<Partial<Settings>> = [
        { expected_modules_count: 0 },
        { entry_total_q: 1, entry_per_module_q: 1 },
        {
          level_exam_total_q: 1,
          level_exam_pass_score: 1,
          k_exam: 1,
          level_exam_min_per_module: 1,
          level_exam_max_per_module: 1,
        },
        { level_exam_pass_score: 20, level_exam_min_per_module: 0, level_exam_max_per_module: 0 },
        { k_exam: 4, level_exam_min_per_module: 5 }, // 4 × 5 = 20 = total
        {
          rank_final_total_q: 1,
          rank_final_pass_score: 1,
          k_final: 1,
          rank_final_min_per_module: 1,
          rank_final_max_per_module: 1,
        },
        { rank_final_pass_score: 40, k_final: 4, rank_final_min_per_module: 10, rank_final_max_per_module: 10 },
        { content_k_weak_modules: 1, content_optional_per_module: 0, weakness_metric: 'errors' },
      ];
      for (const overrides of boundaries) await insertTrackSettings(db.pool, await newDraft(), overrides);
    });

    it('defaults the weakness metric to error_rate', async () => {
      const versionId = await newDraft();
      const { weakness_metric: _omitted, ...withoutMetric } = VALID_SETTINGS;
      const columns = Object.keys(withoutMetric);
      await db.pool.query(
        `INSERT INTO track_settings (settings_version_id, ${columns.join(', ')}) VALUES ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')})`,
        [versionId, ...Object.values(withoutMetric)],
      );
      const { rows } = await db.pool.query(
        'SELECT weakness_metric FROM track_settings WHERE settings_version_id = $1',
        [versionId],
      );
      expect(rows).to.deep.equal([{ weakness_metric: 'error_rate' }]);
    });

    it('holds one parameter row per version, of an existing version, deleted with it', async () => {
      const versionId = await newDraft();
      await insertTrackSettings(db.pool, versionId, {});
      await expectRefused(insertTrackSettings(db.pool, versionId, {}), PG.uniqueViolation, 'track_settings_pkey');
      await expectRefused(
        insertTrackSettings(db.pool, -1, {}),
        PG.foreignKeyViolation,
        'fk_track_settings_settings_version_id_settings_versions',
      );
      await db.pool.query('DELETE FROM settings_versions WHERE id = $1', [versionId]);
      const { rows } = await db.pool.query('SELECT 1 FROM track_settings WHERE settings_version_id = $1', [versionId]);
      expect(rows).to.have.length(0);
    });

    it('lets a draft be edited but freezes an active or archived version', async () => {
      const trackId = await newTrackId();
      const draft = await createSettingsVersion(db.pool, trackId, { versionNo: 1, status: 'draft' });
      const active = await createSettingsVersion(db.pool, trackId, { versionNo: 2, status: 'active' });
      const archived = await createSettingsVersion(db.pool, trackId, { versionNo: 3, status: 'archived' });
      const edit = (versionId: number) =>
        db.pool.query('UPDATE track_settings SET level_exam_pass_score = 16 WHERE settings_version_id = $1', [
          versionId,
        ]);
      expect((await edit(draft)).rowCount).to.equal(1);
      await expectRefused(edit(active), PG.checkViolation, 'ck_track_settings_version_is_draft');
      await expectRefused(edit(archived), PG.checkViolation, 'ck_track_settings_version_is_draft');
    });
  });
});
