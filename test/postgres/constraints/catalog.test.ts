import { expect } from 'chai';
import { useTestDatabase } from '../../support/database.js';
import { createTrack, insertId, unique } from '../fixtures/rows.js';
import { expectRefused, PG } from '../fixtures/refusal.js';

describe('schema constraints: catalog (tracks, stages, modules)', () => {
  const db = useTestDatabase();

  const insertTrack = (name: string) => db.pool.query('INSERT INTO tracks (name) VALUES ($1) RETURNING id', [name]);
  const newTrackId = async () =>
    insertId(db.pool, 'INSERT INTO tracks (name) VALUES ($1) RETURNING id', [unique('track')]);
  const insertStage = (trackId: number, rank: string, level: number, position: number) =>
    db.pool.query('INSERT INTO stages (track_id, rank, level, position) VALUES ($1, $2, $3, $4)', [
      trackId,
      rank,
      level,
      position,
    ]);
  const insertModule = (trackId: number, name: string) =>
    db.pool.query('INSERT INTO modules (track_id, name) VALUES ($1, $2)', [trackId, name]);

  describe('tracks', () => {
    it('names a track once', async () => {
      const name = unique('track');
      await insertTrack(name);
      await expectRefused(insertTrack(name), PG.uniqueViolation, 'uq_tracks_name');
    });

    it('refuses a blank name and accepts a real one', async () => {
      await expectRefused(insertTrack('   '), PG.checkViolation, 'ck_tracks_name_not_blank');
      expect((await insertTrack(unique('t'))).rowCount).to.equal(1);
    });

    it('refuses a name too long for its unique index with a CHECK, not an index error', async () => {
      await expectRefused(insertTrack('x'.repeat(2001)), PG.checkViolation, 'ck_tracks_name_length');
      expect((await insertTrack(unique('x'.repeat(1900)))).rowCount).to.equal(1);
    });
  });

  describe('stages', () => {
    it('accepts the standard ladder', async () => {
      const track = await createTrack(db.pool);
      const { rows } = await db.pool.query(
        'SELECT rank, level, position FROM stages WHERE track_id = $1 ORDER BY position',
        [track.trackId],
      );
      expect(rows).to.have.length(10);
      expect(rows[0]).to.deep.equal({ rank: 'trainee', level: 0, position: 1 });
      expect(rows[9]).to.deep.equal({ rank: 'senior', level: 3, position: 10 });
    });

    it('refuses an unknown rank', async () => {
      const trackId = await newTrackId();
      await expectRefused(insertStage(trackId, 'lead', 1, 1), PG.checkViolation, 'ck_stages_rank');
      await expectRefused(insertStage(trackId, 'Junior', 1, 1), PG.checkViolation, 'ck_stages_rank');
      await insertStage(trackId, 'junior', 1, 1);
    });

    it('allows trainee only at level 0 and the other ranks only at levels 1-3', async () => {
      const trackId = await newTrackId();
      await expectRefused(insertStage(trackId, 'trainee', 1, 1), PG.checkViolation, 'ck_stages_rank_level');
      await expectRefused(insertStage(trackId, 'junior', 0, 1), PG.checkViolation, 'ck_stages_rank_level');
      await expectRefused(insertStage(trackId, 'senior', 4, 1), PG.checkViolation, 'ck_stages_rank_level');
      await expectRefused(insertStage(trackId, 'middle', -1, 1), PG.checkViolation, 'ck_stages_rank_level');
      await insertStage(trackId, 'trainee', 0, 1);
      await insertStage(trackId, 'middle', 3, 2);
    });

    it('starts positions at 1', async () => {
      const trackId = await newTrackId();
      await expectRefused(insertStage(trackId, 'junior', 1, 0), PG.checkViolation, 'ck_stages_position_min');
      await insertStage(trackId, 'junior', 1, 1);
    });

    it('holds one stage per position of a track', async () => {
      const trackId = await newTrackId();
      await insertStage(trackId, 'junior', 1, 2);
      await expectRefused(insertStage(trackId, 'junior', 2, 2), PG.uniqueViolation, 'uq_stages_track_position');
      await insertStage(trackId, 'junior', 2, 3);
      // another track may reuse the position
      await insertStage(await newTrackId(), 'junior', 2, 2);
    });

    it('holds one stage per (rank, level) of a track', async () => {
      const trackId = await newTrackId();
      await insertStage(trackId, 'junior', 1, 1);
      await expectRefused(insertStage(trackId, 'junior', 1, 2), PG.uniqueViolation, 'uq_stages_track_rank_level');
      await insertStage(await newTrackId(), 'junior', 1, 1);
    });

    it('belongs to an existing track', async () => {
      await expectRefused(insertStage(-1, 'junior', 1, 1), PG.foreignKeyViolation, 'fk_stages_track_id_tracks');
    });
  });

  describe('modules', () => {
    it('names a module once per track, and another track may reuse the name', async () => {
      const trackId = await newTrackId();
      await insertModule(trackId, 'python-basics');
      await expectRefused(insertModule(trackId, 'python-basics'), PG.uniqueViolation, 'uq_modules_track_name');
      await insertModule(await newTrackId(), 'python-basics');
    });

    it('refuses a blank or oversized name', async () => {
      const trackId = await newTrackId();
      await expectRefused(insertModule(trackId, ' '), PG.checkViolation, 'ck_modules_name_not_blank');
      await expectRefused(insertModule(trackId, 'm'.repeat(2001)), PG.checkViolation, 'ck_modules_name_length');
      await insertModule(trackId, 'devops');
    });

    it('belongs to an existing track', async () => {
      await expectRefused(insertModule(-1, unique('m')), PG.foreignKeyViolation, 'fk_modules_track_id_tracks');
    });
  });
});
