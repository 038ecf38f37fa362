import { expect } from 'chai';
import { useApi } from '../support/api.js';
import { newLearner } from '../support/fixtures/identity.js';
import { JourneyRows } from '../support/reliability/journey-rows.js';
import { assertInvariants, findViolations, INVARIANTS } from './invariants.js';

/**
 * The invariant list must be right in both directions: silent on every legal state (learners
 * written at every point of the journey, docs/product.md) and loud on each violation. Each violation is
 * made inside a transaction that is rolled back; constraints and indexes that would refuse it are
 * dropped (or FK triggers disabled) in that transaction first — the point is to prove the query
 * would notice if the schema ever stopped defending the rule.
 */
describe('reliability: invariant queries', function () {
  this.timeout(120_000);
  const api = useApi();
  const w = {} as Record<string, number>;

  before(async () => {
    const journey = new JourneyRows(api.db.pool);
    const signUp = async () => (await newLearner(api)).id;

    w.grad = await signUp();
    await journey.graduate(w.grad);

    w.waiting = await signUp();
    await journey.diagnostika(w.waiting, { submit: true });
    w.waitingRejected = (await journey.clearStage(w.waiting, { approve: false }))!;
    await journey.reject(w.waitingRejected);
    w.waitingPending = await journey.resubmit(w.waitingRejected);

    w.midway = await signUp();
    await journey.diagnostika(w.midway, { submit: true });
    await journey.clearStage(w.midway, { approve: true });
    await journey.assignContent(w.midway, { close: true });
    w.midwayFailed = await journey.examAttempt('level_exam', w.midway, 'fail');
    w.midwayOpen = await journey.examAttempt('level_exam', w.midway, 'open');

    w.fresh = await signUp();
    w.freshDiag = await journey.diagnostika(w.fresh, { submit: false });

    w.finalist = await signUp();
    await journey.diagnostika(w.finalist, { submit: true });
    for (let stage = 0; stage < 3; stage += 1) await journey.clearStage(w.finalist, { approve: true });
    await journey.assignContent(w.finalist, { close: true });
    await journey.examAttempt('level_exam', w.finalist, 'pass');
    w.finalistFailed = await journey.examAttempt('rank_final', w.finalist, 'fail');
    w.finalistOpen = await journey.examAttempt('rank_final', w.finalist, 'open');

    const pool = api.db.pool;
    const id = async (sql: string, params: unknown[]) => Number((await pool.query(sql, params)).rows[0].id);
    w.gradDiag = await id('SELECT id FROM diagnostika_results WHERE user_id = $1', [w.grad]);
    w.gradLevelFailed = await id(
      'SELECT a.id FROM level_exam_attempts a JOIN stages s ON s.id = a.stage_id WHERE a.user_id = $1 AND s.position = 2 AND NOT a.passed',
      [w.grad],
    );
    w.gradLevelPassed = await id(
      'SELECT a.id FROM level_exam_attempts a JOIN stages s ON s.id = a.stage_id WHERE a.user_id = $1 AND s.position = 2 AND a.passed',
      [w.grad],
    );
    w.gradRankFailed = await id(
      'SELECT a.id FROM rank_final_attempts a JOIN stages s ON s.id = a.stage_id WHERE a.user_id = $1 AND s.position = 4 AND NOT a.passed',
      [w.grad],
    );
    w.gradRankPassed = await id(
      'SELECT a.id FROM rank_final_attempts a JOIN stages s ON s.id = a.stage_id WHERE a.user_id = $1 AND s.position = 4 AND a.passed',
      [w.grad],
    );
    w.midwayRequired = await id(
      `SELECT article_id AS id FROM user_stage_articles WHERE user_id = $1 AND kind = 'required' ORDER BY stage_id DESC, article_id LIMIT 1`,
      [w.midway],
    );
    w.activeVersion = await id(
      `SELECT v.id FROM settings_versions v JOIN users u ON u.track_id = v.track_id WHERE u.id = $1 AND v.status = 'active'`,
      [w.grad],
    );
  });

  const stageAt = (position: number) =>
    `(SELECT s.id FROM stages s JOIN users u ON u.track_id = s.track_id WHERE u.id = ${w.grad} AND s.position = ${position})`;

  type Sheet = {
    label: string;
    attempts: string;
    questions: string;
    answers: string;
    stats: string;
    saved: string;
    key: string;
    open: () => number;
    submitted: () => number;
  };
  const sheets: Sheet[] = [
    {
      label: 'diagnostika',
      attempts: 'diagnostika_results',
      questions: 'diagnostika_attempt_questions',
      answers: 'diagnostika_attempt_answers',
      stats: 'diagnostika_module_stats',
      saved: 'diagnostika_saved_answers',
      key: 'diagnostika_id',
      open: () => w.freshDiag!,
      submitted: () => w.gradDiag!,
    },
    {
      label: 'level exam',
      attempts: 'level_exam_attempts',
      questions: 'level_exam_attempt_questions',
      answers: 'level_exam_attempt_answers',
      stats: 'level_exam_attempt_module_stats',
      saved: 'level_exam_saved_answers',
      key: 'attempt_id',
      open: () => w.midwayOpen!,
      submitted: () => w.midwayFailed!,
    },
    {
      label: 'rank final',
      attempts: 'rank_final_attempts',
      questions: 'rank_final_attempt_questions',
      answers: 'rank_final_attempt_answers',
      stats: 'rank_final_attempt_module_stats',
      saved: 'rank_final_saved_answers',
      key: 'attempt_id',
      open: () => w.finalistOpen!,
      submitted: () => w.finalistFailed!,
    },
  ];

  /** How to break each invariant: statements run with FK triggers off, inside a rolled-back transaction. */
  const breakers: Record<string, () => string[]> = {
    'item statistics: the striped sums of a question equal its answers': () => [
      'UPDATE item_statistic_stripes SET sum_rest = sum_rest + 0.5 WHERE ctid = (SELECT min(ctid) FROM item_statistic_stripes)',
    ],
    'item statistics: the striped sums of an option equal its choosers': () => [
      'UPDATE item_option_stripes SET chosen = chosen + 1 WHERE ctid = (SELECT min(ctid) FROM item_option_stripes)',
    ],
    'one current stage per learner': () => [
      'DROP INDEX uq_user_stage_progress_one_current_per_user',
      `UPDATE user_stage_progress SET status = 'active', completed_at = NULL WHERE user_id = ${w.midway} AND stage_id = ${stageAt(1)}`,
    ],
    'a learner on the way has a current stage': () => [
      `UPDATE user_stage_progress SET status = 'completed', completed_at = now() WHERE user_id = ${w.fresh}`,
    ],
    'graduated ⇒ no current stage': () => [`UPDATE users SET graduated_at = now() WHERE id = ${w.fresh}`],
    'graduated ⇒ the last stage completed': () => [
      `DELETE FROM user_stage_progress WHERE user_id = ${w.grad} AND stage_id = ${stageAt(10)}`,
    ],
    'progress rows are coherent with the learner, stage and settings version': () => [
      `UPDATE settings_versions SET status = 'draft', activated_at = NULL WHERE id = ${w.activeVersion}`,
    ],
    'the ladder is climbed in order': () => [
      `DELETE FROM user_stage_progress WHERE user_id = ${w.grad} AND stage_id = ${stageAt(3)}`,
    ],
    'only the latest stage is current': () => [
      'DROP INDEX uq_user_stage_progress_one_current_per_user',
      `UPDATE user_stage_progress SET status = 'pending_approval', completed_at = NULL WHERE user_id = ${w.midway} AND stage_id = ${stageAt(1)}`,
    ],
    'a completed stage passed its exams': () => [`DELETE FROM level_exam_attempts WHERE id = ${w.gradLevelPassed}`],
    'a decisive PASS moves the learner on': () => [
      `UPDATE user_stage_progress SET status = 'active' WHERE user_id = ${w.waiting}`,
    ],
    'pending_approval only after the decisive PASS of trainee or level 3': () => [
      `UPDATE user_stage_progress SET status = 'pending_approval' WHERE user_id = ${w.midway} AND status = 'active'`,
    ],
    'one pending approval per learner and from-stage': () => [
      'DROP INDEX uq_approval_requests_one_pending_per_from_stage',
      `UPDATE approval_requests SET status = 'pending', decided_at = NULL, decided_by_admin_id = NULL WHERE id = ${w.waitingRejected}`,
    ],
    'a pending request waits on its stage': () => [
      `UPDATE user_stage_progress SET status = 'active' WHERE user_id = ${w.waiting}`,
    ],
    'a stage pending approval has an undecided or rejected request': () => [
      `DELETE FROM approval_requests WHERE user_id = ${w.waiting}`,
    ],
    'an approved request was applied': () => [`UPDATE users SET graduated_at = NULL WHERE id = ${w.grad}`],
    'a request leads to the next stage': () => [
      `UPDATE approval_requests SET to_stage_id = ${stageAt(5)} WHERE id = ${w.waitingPending}`,
    ],
    'one diagnostika per learner': () => [
      'ALTER TABLE diagnostika_results DROP CONSTRAINT uq_diagnostika_results_user_once',
      `INSERT INTO diagnostika_results (user_id, stage_id, total_q) SELECT user_id, stage_id, total_q FROM diagnostika_results WHERE id = ${w.freshDiag}`,
    ],
    'the diagnostika is taken on the first stage': () => [
      `UPDATE diagnostika_results SET stage_id = ${stageAt(2)} WHERE user_id = ${w.midway}`,
    ],
    'diagnostika submitted ⇔ answered': () => [
      `UPDATE diagnostika_results SET submitted_at = now(), score_total = 0 WHERE id = ${w.freshDiag}`,
    ],
    'content is assigned only after the diagnostika': () => [
      `UPDATE diagnostika_results SET submitted_at = NULL, score_total = NULL WHERE user_id = ${w.midway}`,
    ],
    'assigned articles are of the learner track': () => [
      `UPDATE user_stage_articles SET stage_id = ${stageAt(3)} WHERE user_id = ${w.midway} AND article_id = ${w.midwayRequired}`,
    ],
    'minitest questions are of the article module': () => [
      `UPDATE article_minitest_questions m SET question_id = (SELECT q.id FROM questions q JOIN articles a ON a.id = m.article_id WHERE q.module_id <> a.module_id LIMIT 1)
       WHERE m.article_id = ${w.midwayRequired} AND m.pos = 1`,
    ],
    'a minitest has exactly three questions': () => [
      `DELETE FROM article_minitest_questions WHERE article_id = ${w.midwayRequired} AND pos = 3`,
    ],
    'a passed minitest exists': () => [`DELETE FROM article_minitest_questions WHERE article_id = ${w.midwayRequired}`],
    'a level exam starts only after the reading is done': () => [
      `UPDATE user_stage_articles SET is_read = false, read_at = NULL WHERE user_id = ${w.midway} AND kind = 'optional'`,
    ],
    'a rank final follows the level exam PASS on level 3': () => [
      `DELETE FROM level_exam_attempts WHERE user_id = ${w.finalist} AND passed`,
    ],
    'no live family of an inactive owner': () => [
      `INSERT INTO refresh_tokens (family_id, token_hash, user_id, created_at, last_used_at, expires_at, family_expires_at) VALUES (777000777, sha256('live-of-inactive'::bytea), ${w.midway}, now(), now(), now() + interval '1 day', now() + interval '2 days')`,
      `UPDATE users SET is_active = false WHERE id = ${w.midway}`,
    ],
    'a refresh-token family never forks': () => [
      'DROP INDEX uq_refresh_tokens_family_unrotated',
      `INSERT INTO refresh_tokens (family_id, token_hash, user_id, created_at, last_used_at, expires_at, family_expires_at) VALUES (888000888, sha256('fork-a'::bytea), ${w.midway}, now(), now(), now() + interval '1 day', now() + interval '2 days')`,
      `INSERT INTO refresh_tokens (family_id, token_hash, user_id, created_at, last_used_at, expires_at, family_expires_at) VALUES (888000888, sha256('fork-b'::bytea), ${w.midway}, now(), now(), now() + interval '1 day', now() + interval '2 days')`,
    ],
    'one active settings version per track': () => [
      'DROP INDEX uq_settings_versions_one_active_per_track',
      `INSERT INTO settings_versions (track_id, version_no, status, activated_at) SELECT track_id, 99, 'active', now() FROM settings_versions WHERE id = ${w.activeVersion}`,
    ],
  };

  for (const s of sheets) {
    const otherQuestion = () =>
      `(SELECT q.id FROM questions q WHERE q.is_active AND q.id NOT IN (SELECT question_id FROM ${s.questions} WHERE ${s.key} = ${s.submitted()}) LIMIT 1)`;
    Object.assign(breakers, {
      [`${s.label}: questions fill positions 1..total_q`]: () => [
        `DELETE FROM ${s.questions} WHERE ${s.key} = ${s.open()} AND pos = 1`,
      ],
      [`${s.label}: an open one is untouched`]: () => [
        `INSERT INTO ${s.answers} (${s.key}, question_id, selected_option_id)
         SELECT q.${s.key}, q.question_id, bank.correct_option_id FROM ${s.questions} q JOIN questions bank ON bank.id = q.question_id WHERE q.${s.key} = ${s.open()} LIMIT 1`,
      ],
      [`${s.label}: a submitted one answers every question`]: () => [
        `DELETE FROM ${s.answers} WHERE ${s.key} = ${s.submitted()} AND question_id = (SELECT question_id FROM ${s.questions} WHERE ${s.key} = ${s.submitted()} AND pos = 1)`,
      ],
      [`${s.label}: answers answer its own questions`]: () => [
        `INSERT INTO ${s.answers} (${s.key}, question_id, selected_option_id) SELECT ${s.submitted()}, id, correct_option_id FROM questions WHERE id = ${otherQuestion()}`,
      ],
      [`${s.label}: selected options belong to their question`]: () => [
        `UPDATE ${s.answers} SET selected_option_id = (SELECT correct_option_id FROM questions WHERE id = ${otherQuestion()})
         WHERE ${s.key} = ${s.submitted()} AND question_id = (SELECT question_id FROM ${s.questions} WHERE ${s.key} = ${s.submitted()} AND pos = 1)`,
      ],
      [`${s.label}: no save lands after the score`]: () => [
        `INSERT INTO ${s.saved} (${s.key}, question_id, selected_option_id)
         SELECT q.${s.key}, q.question_id, bank.correct_option_id FROM ${s.questions} q JOIN questions bank ON bank.id = q.question_id
         WHERE q.${s.key} = ${s.submitted()} AND q.pos = 1`,
      ],
      [`${s.label}: saved answers answer its own questions with their options`]: () => [
        `INSERT INTO ${s.saved} (${s.key}, question_id, selected_option_id)
         SELECT q.${s.key}, q.question_id, (SELECT correct_option_id FROM questions WHERE id = ${otherQuestion()})
         FROM ${s.questions} q WHERE q.${s.key} = ${s.open()} AND q.pos = 1`,
      ],
      [`${s.label}: only a timed one expires`]: () => [
        `ALTER TABLE ${s.attempts} DROP CONSTRAINT ${s.label === 'diagnostika' ? 'ck_diagnostika_results_expired_closed' : s.label === 'level exam' ? 'ck_lexam_expired_closed' : 'ck_rfinal_expired_closed'}`,
        `UPDATE ${s.attempts} SET expired = true WHERE id = ${s.submitted()}`,
      ],
      [`${s.label}: module stats add up to total_q and the score`]: () => [
        `UPDATE ${s.stats} SET total_cnt = total_cnt + 1 WHERE ${s.key} = ${s.submitted()} AND module_id = (SELECT min(module_id) FROM ${s.stats} WHERE ${s.key} = ${s.submitted()})`,
      ],
      [`${s.label}: module stats match the answers`]: () => [
        // A right answer turned wrong while the stored stats still count it right.
        `UPDATE ${s.answers} x SET selected_option_id = (SELECT o.id FROM answer_options o WHERE o.question_id = x.question_id AND o.id <> bank.correct_option_id LIMIT 1)
         FROM questions bank WHERE bank.id = x.question_id AND x.${s.key} = ${s.submitted()} AND x.selected_option_id = bank.correct_option_id`,
      ],
    });
  }

  const exams = [
    {
      label: 'level exam',
      table: 'level_exam_attempts',
      index: 'lexam',
      questions: 'level_exam_attempt_questions',
      failed: () => w.gradLevelFailed!,
      passed: () => w.gradLevelPassed!,
      open: () => w.midwayOpen!,
      openFailed: () => w.midwayFailed!,
    },
    {
      label: 'rank final',
      table: 'rank_final_attempts',
      index: 'rfinal',
      questions: 'rank_final_attempt_questions',
      failed: () => w.gradRankFailed!,
      passed: () => w.gradRankPassed!,
      open: () => w.finalistOpen!,
      openFailed: () => w.finalistFailed!,
    },
  ];
  for (const e of exams) {
    Object.assign(breakers, {
      [`${e.label}: one PASS per learner and stage`]: () => [
        `DROP INDEX uq_${e.index}_passed_once`,
        `DROP INDEX uq_${e.index}_open_or_passed_once`,
        `UPDATE ${e.table} SET passed = true, passed_at = now(), score_total = pass_score WHERE id = ${e.failed()}`,
      ],
      [`${e.label}: at most one open attempt per learner and stage`]: () => [
        `DROP INDEX uq_${e.index}_one_open`,
        `DROP INDEX uq_${e.index}_open_or_passed_once`,
        `UPDATE ${e.table} SET submitted_at = NULL, score_total = NULL WHERE id = ${e.openFailed()}`,
      ],
      [`${e.label}: no attempt after the PASS`]: () => [
        `UPDATE ${e.table} SET attempt_no = 3 WHERE id = ${e.failed()}`,
      ],
      [`${e.label}: attempt numbers count 1, 2, 3 …`]: () => [
        `UPDATE ${e.table} SET attempt_no = 5 WHERE id = ${e.open()}`,
      ],
      [`${e.label}: PASS means score ≥ pass_score`]: () => [
        `ALTER TABLE ${e.table} DROP CONSTRAINT ck_${e.index}_passed_matches_score`,
        `UPDATE ${e.table} SET passed = false, passed_at = NULL WHERE id = ${e.passed()}`,
      ],
      [`${e.label}: snapshot matches the pinned settings`]: () => [
        `UPDATE ${e.table} SET pass_score = pass_score - 1 WHERE id = ${e.open()}`,
      ],
      [`${e.label}: at most max_per_module questions of one module`]: () => [
        `INSERT INTO ${e.questions} (attempt_id, question_id, module_id, pos)
         SELECT ${e.open()}, q.id, q.module_id, 1000 + row_number() OVER (ORDER BY q.id) FROM questions q
         WHERE q.is_active AND q.module_id = (SELECT min(module_id) FROM ${e.questions} WHERE attempt_id = ${e.open()})
           AND q.id NOT IN (SELECT question_id FROM ${e.questions} WHERE attempt_id = ${e.open()})
         LIMIT 13`,
      ],
    });
  }

  it('hold on learners at every point of the journey (fresh, midway, waiting for approval, rejected and resubmitted, in a rank final, graduated)', async () => {
    const violations = await findViolations(api.db.pool);
    expect(violations.map((v) => `${v.invariant.name}: ${JSON.stringify(v.rows.slice(0, 3))}`)).to.deep.equal([]);
    const counts = (
      await api.db.pool.query(
        `SELECT (SELECT count(*) FROM users WHERE graduated_at IS NOT NULL)::int AS graduates,
              (SELECT count(*) FROM approval_requests WHERE status = 'rejected')::int AS rejected,
              (SELECT count(*) FROM level_exam_attempt_answers)::int AS level_answers,
              (SELECT count(*) FROM rank_final_attempt_answers)::int AS rank_answers`,
      )
    ).rows[0];
    expect(counts.graduates).to.equal(1);
    expect(counts.rejected).to.equal(1);
    expect(counts.level_answers).to.be.greaterThan(100);
    expect(counts.rank_answers).to.be.greaterThan(100);
  });

  it('every invariant has a way to break it below', () => {
    expect(Object.keys(breakers).sort()).to.deep.equal(INVARIANTS.map((invariant) => invariant.name).sort());
  });

  for (const invariant of INVARIANTS) {
    it(`catches a violation of "${invariant.name}"`, async () => {
      const client = await api.db.pool.connect();
      try {
        await client.query('BEGIN');
        // Foreign keys (and triggers) are off for this transaction only: see the describe comment.
        await client.query('SET LOCAL session_replication_role = replica');
        for (const statement of breakers[invariant.name]!()) await client.query(statement);
        const [violation] = await findViolations(client, [invariant]);
        expect(violation?.rows.length ?? 0, invariant.rule).to.be.greaterThan(0);
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    });
  }

  it('still hold afterwards: every break was rolled back', async () => {
    await assertInvariants(api.db.pool);
  });
});
