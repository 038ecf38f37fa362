-- Bench data, set-based: 100,000 learners must exist in seconds, so they are written the way the
-- journey would have left them, straight into the tables (never through HTTP). Each learner ends up
-- in the same reachable state:
--   trainee 0  completed: diagnostika submitted (20 questions, 15 right), content done, level exam
--              PASSED (16/20), rank_transition request approved by the bench admin;
--   junior 1   active: content done (1 optional per module read, 3 required minitests passed),
--              one level exam submitted and FAILED (8/20) — so the learner is eligible to start
--              the level exam again.
-- Learner number i (1-based) gets ids derived from bases read at the start of its batch (see
-- bench-data.ts), so every statement of a batch addresses its rows by primary-key ranges.
-- The helper tables are TEMP tables of the loading session: the server never sees them.

-- name: createContext
CREATE TEMP TABLE bench_ctx AS
SELECT t.id AS track_id,
       (SELECT s.id FROM stages s WHERE s.track_id = t.id AND s.position = 1) AS trainee_stage,
       (SELECT s.id FROM stages s WHERE s.track_id = t.id AND s.position = 2) AS junior_stage,
       (SELECT v.id FROM settings_versions v WHERE v.track_id = t.id AND v.status = 'active') AS version_id
FROM tracks t WHERE t.name = $1::text;

-- name: createModules
-- The track's modules by ordinal, each with its active question ids (the seeded bank only).
CREATE TEMP TABLE bench_mods AS
SELECT row_number() OVER (ORDER BY m.id)::int AS mo, m.id AS module_id,
       array_agg(q.id ORDER BY q.id) AS ids, count(q.id)::int AS n
FROM modules m
JOIN bench_ctx c ON c.track_id = m.track_id
JOIN questions q ON q.module_id = m.id AND q.is_active AND q.text NOT LIKE 'Bench question %'
GROUP BY m.id;

-- name: createQuestionInfo
-- Per question: its correct option and one wrong one (the first other option by position).
CREATE TEMP TABLE bench_qinfo AS
SELECT q.id AS question_id, q.module_id, q.correct_option_id,
       (SELECT o.id FROM answer_options o WHERE o.question_id = q.id AND o.id <> q.correct_option_id ORDER BY o.pos LIMIT 1) AS wrong_option_id
FROM questions q JOIN bench_mods m ON m.module_id = q.module_id
WHERE q.id = ANY (m.ids);

-- name: createSlots
-- Question slots of an attempt: the diagnostika takes 4 per module; a level exam 6/6/6/1/1 (the
-- allocation of the seeded settings: K 3 weak modules at max 6, overflow 1 each to the others).
CREATE TEMP TABLE bench_slots AS
SELECT 'diag'::text AS kind, m.mo, k, ((m.mo - 1) * 4 + k)::int AS pos
FROM bench_mods m, generate_series(1, 4) k
UNION ALL
SELECT 'exam', x.mo, x.k, (row_number() OVER (ORDER BY x.mo, x.k))::int
FROM (SELECT m.mo, k FROM bench_mods m, generate_series(1, CASE WHEN m.mo <= 3 THEN 6 ELSE 1 END) k) x;

-- name: createArticles
-- The reading list of a stage: the first optional article of every module and the first required
-- one of modules 1-3 (as content assignment would pick for three weak modules).
CREATE TEMP TABLE bench_articles AS
SELECT DISTINCT ON (a.stage_id, a.module_id, a.kind) a.stage_id, a.id AS article_id, a.kind
FROM articles a
JOIN bench_ctx c ON a.stage_id IN (c.trainee_stage, c.junior_stage)
JOIN bench_mods m ON m.module_id = a.module_id
WHERE a.is_active AND (a.kind = 'optional' OR m.mo <= 3)
ORDER BY a.stage_id, a.module_id, a.kind, a.position, a.id;

-- name: insertAdmin
INSERT INTO admin_users (email, full_name, password_hash)
VALUES ('bench-admin@bench.example', 'Bench Admin', $1)
RETURNING id;

-- name: idBases
SELECT (SELECT COALESCE(max(id), 0) FROM users) AS users,
       (SELECT COALESCE(max(id), 0) FROM diagnostika_results) AS diagnostika,
       (SELECT COALESCE(max(id), 0) FROM level_exam_attempts) AS attempts,
       (SELECT COALESCE(max(id), 0) FROM approval_requests) AS approvals;

-- Batch statements. Every one takes the same parameters, typed once in its `p` CTE (an unused
-- parameter could not be typed): learners first..last, the id offsets of users, diagnostika_results,
-- level_exam_attempts (two per learner) and approval_requests (learner i gets offset + i), the
-- shared password hash and the deciding admin.

-- name: insertUsers
WITH p AS (SELECT $1::int AS first, $2::int AS last, $3::bigint AS users, $4::bigint AS diags, $5::bigint AS attempts, $6::bigint AS approvals, $7::text AS hash, $8::bigint AS admin)
INSERT INTO users (id, email, full_name, password_hash, track_id, created_at)
SELECT p.users + i, 'bench-' || i || '@bench.example', 'Bench Learner ' || i, p.hash, c.track_id, now() - interval '30 days'
FROM p, bench_ctx c, generate_series(p.first, p.last) i;

-- name: insertProgress
WITH p AS (SELECT $1::int AS first, $2::int AS last, $3::bigint AS users, $4::bigint AS diags, $5::bigint AS attempts, $6::bigint AS approvals, $7::text AS hash, $8::bigint AS admin)
INSERT INTO user_stage_progress (user_id, stage_id, track_id, settings_version_id, status, activated_at, completed_at)
SELECT p.users + i, st.stage_id, c.track_id, c.version_id, st.status, st.activated_at, st.completed_at
FROM p, bench_ctx c, generate_series(p.first, p.last) i,
LATERAL (VALUES
  (c.trainee_stage, 'completed', now() - interval '30 days', now() - interval '20 days'),
  (c.junior_stage, 'active', now() - interval '20 days', NULL::timestamptz)
) AS st (stage_id, status, activated_at, completed_at);

-- name: insertApprovals
WITH p AS (SELECT $1::int AS first, $2::int AS last, $3::bigint AS users, $4::bigint AS diags, $5::bigint AS attempts, $6::bigint AS approvals, $7::text AS hash, $8::bigint AS admin)
INSERT INTO approval_requests (id, user_id, track_id, from_stage_id, to_stage_id, type, status, comment, created_at, decided_at, decided_by_admin_id)
SELECT p.approvals + i, p.users + i, c.track_id, c.trainee_stage, c.junior_stage, 'rank_transition', 'approved',
       'bench', now() - interval '21 days', now() - interval '20 days', p.admin
FROM p, bench_ctx c, generate_series(p.first, p.last) i;

-- name: insertDiagnostika
WITH p AS (SELECT $1::int AS first, $2::int AS last, $3::bigint AS users, $4::bigint AS diags, $5::bigint AS attempts, $6::bigint AS approvals, $7::text AS hash, $8::bigint AS admin)
INSERT INTO diagnostika_results (id, user_id, stage_id, total_q, score_total, created_at, submitted_at)
SELECT p.diags + i, p.users + i, c.trainee_stage, 20, 15, now() - interval '30 days', now() - interval '30 days'
FROM p, bench_ctx c, generate_series(p.first, p.last) i;

-- name: insertDiagnostikaQuestions
-- A learner-dependent window of each module's bank: distinct within the attempt (k < n).
WITH p AS (SELECT $1::int AS first, $2::int AS last, $3::bigint AS users, $4::bigint AS diags, $5::bigint AS attempts, $6::bigint AS approvals, $7::text AS hash, $8::bigint AS admin)
INSERT INTO diagnostika_attempt_questions (diagnostika_id, question_id, module_id, pos)
SELECT p.diags + i, m.ids[1 + (i * 5 + s.k) % m.n], m.module_id, s.pos
FROM p CROSS JOIN generate_series(p.first, p.last) i
CROSS JOIN bench_slots s JOIN bench_mods m ON m.mo = s.mo
WHERE s.kind = 'diag';

-- name: insertDiagnostikaAnswers
-- Right unless (learner + pos) is a multiple of 4: exactly 15 of 20 right.
WITH p AS (SELECT $1::int AS first, $2::int AS last, $3::bigint AS users, $4::bigint AS diags, $5::bigint AS attempts, $6::bigint AS approvals, $7::text AS hash, $8::bigint AS admin)
INSERT INTO diagnostika_attempt_answers (diagnostika_id, question_id, selected_option_id)
SELECT q.diagnostika_id, q.question_id,
       CASE WHEN (q.diagnostika_id - p.diags + q.pos) % 4 <> 0 THEN qi.correct_option_id ELSE qi.wrong_option_id END
FROM p, diagnostika_attempt_questions q JOIN bench_qinfo qi ON qi.question_id = q.question_id
WHERE q.diagnostika_id BETWEEN p.diags + p.first AND p.diags + p.last;

-- name: insertDiagnostikaStats
WITH p AS (SELECT $1::int AS first, $2::int AS last, $3::bigint AS users, $4::bigint AS diags, $5::bigint AS attempts, $6::bigint AS approvals, $7::text AS hash, $8::bigint AS admin)
INSERT INTO diagnostika_module_stats (diagnostika_id, module_id, correct_cnt, total_cnt)
SELECT a.diagnostika_id, qi.module_id, count(*) FILTER (WHERE a.selected_option_id = qi.correct_option_id), count(*)
FROM p, diagnostika_attempt_answers a JOIN bench_qinfo qi ON qi.question_id = a.question_id
WHERE a.diagnostika_id BETWEEN p.diags + p.first AND p.diags + p.last
GROUP BY a.diagnostika_id, qi.module_id;

-- name: insertReadingLists
WITH p AS (SELECT $1::int AS first, $2::int AS last, $3::bigint AS users, $4::bigint AS diags, $5::bigint AS attempts, $6::bigint AS approvals, $7::text AS hash, $8::bigint AS admin)
INSERT INTO user_stage_articles (user_id, stage_id, article_id, kind, assigned_at, is_read, read_at, minitest_passed, minitest_passed_at)
SELECT p.users + i, a.stage_id, a.article_id, a.kind, now() - interval '25 days',
       a.kind = 'optional', CASE WHEN a.kind = 'optional' THEN now() - interval '24 days' END,
       a.kind = 'required', CASE WHEN a.kind = 'required' THEN now() - interval '24 days' END
FROM p CROSS JOIN generate_series(p.first, p.last) i CROSS JOIN bench_articles a;

-- name: insertAttempts
-- Learner i: attempt offset+2i-1 on trainee 0 (PASS 16/20), offset+2i on junior 1 (FAIL 8/20).
WITH p AS (SELECT $1::int AS first, $2::int AS last, $3::bigint AS users, $4::bigint AS diags, $5::bigint AS attempts, $6::bigint AS approvals, $7::text AS hash, $8::bigint AS admin)
INSERT INTO level_exam_attempts (id, user_id, stage_id, settings_version_id, attempt_no, total_q, pass_score, seed,
                                 created_at, submitted_at, score_total, passed, passed_at)
SELECT p.attempts + 2 * i - 1, p.users + i, c.trainee_stage, c.version_id, 1, 20, 15, i,
       now() - interval '22 days', now() - interval '22 days', 16, true, now() - interval '22 days'
FROM p, bench_ctx c, generate_series(p.first, p.last) i
UNION ALL
SELECT p.attempts + 2 * i, p.users + i, c.junior_stage, c.version_id, 1, 20, 15, i,
       now() - interval '2 days', now() - interval '2 days', 8, false, NULL
FROM p, bench_ctx c, generate_series(p.first, p.last) i;

-- name: insertAttemptQuestions
WITH p AS (SELECT $1::int AS first, $2::int AS last, $3::bigint AS users, $4::bigint AS diags, $5::bigint AS attempts, $6::bigint AS approvals, $7::text AS hash, $8::bigint AS admin)
INSERT INTO level_exam_attempt_questions (attempt_id, question_id, module_id, pos)
SELECT p.attempts + j, m.ids[1 + (j * 7 + s.k) % m.n], m.module_id, s.pos
FROM p CROSS JOIN generate_series(2 * p.first - 1, 2 * p.last) j
CROSS JOIN bench_slots s JOIN bench_mods m ON m.mo = s.mo
WHERE s.kind = 'exam';

-- name: insertAttemptAnswers
-- Odd attempts (the trainee PASS) answer positions 1-16 right, even ones (the FAIL) 1-8.
WITH p AS (SELECT $1::int AS first, $2::int AS last, $3::bigint AS users, $4::bigint AS diags, $5::bigint AS attempts, $6::bigint AS approvals, $7::text AS hash, $8::bigint AS admin)
INSERT INTO level_exam_attempt_answers (attempt_id, question_id, selected_option_id)
SELECT q.attempt_id, q.question_id,
       CASE WHEN q.pos <= CASE WHEN (q.attempt_id - p.attempts) % 2 = 1 THEN 16 ELSE 8 END
            THEN qi.correct_option_id ELSE qi.wrong_option_id END
FROM p, level_exam_attempt_questions q JOIN bench_qinfo qi ON qi.question_id = q.question_id
WHERE q.attempt_id BETWEEN p.attempts + 2 * p.first - 1 AND p.attempts + 2 * p.last;

-- name: insertAttemptStats
WITH p AS (SELECT $1::int AS first, $2::int AS last, $3::bigint AS users, $4::bigint AS diags, $5::bigint AS attempts, $6::bigint AS approvals, $7::text AS hash, $8::bigint AS admin)
INSERT INTO level_exam_attempt_module_stats (attempt_id, module_id, correct_cnt, total_cnt)
SELECT a.attempt_id, qi.module_id, count(*) FILTER (WHERE a.selected_option_id = qi.correct_option_id), count(*)
FROM p, level_exam_attempt_answers a JOIN bench_qinfo qi ON qi.question_id = a.question_id
WHERE a.attempt_id BETWEEN p.attempts + 2 * p.first - 1 AND p.attempts + 2 * p.last
GROUP BY a.attempt_id, qi.module_id;

-- name: syncSequences
-- Explicit ids bypass the identity sequences: move them past the bench's rows so signups and
-- new attempts keep working.
SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users)),
       setval(pg_get_serial_sequence('diagnostika_results', 'id'), (SELECT max(id) FROM diagnostika_results)),
       setval(pg_get_serial_sequence('level_exam_attempts', 'id'), (SELECT max(id) FROM level_exam_attempts)),
       setval(pg_get_serial_sequence('approval_requests', 'id'), (SELECT max(id) FROM approval_requests));

-- name: growBank
-- Bank scale: $2 more active questions (4 options each, the correct one spread over positions
-- 1-4) for module $1, with ids from the bases $3 (questions) and $4 (options). Questions and
-- options reference each other; one statement writes both, and the foreign keys are checked at
-- its end.
WITH q AS (
  INSERT INTO questions (id, module_id, text, is_active, correct_option_id)
  SELECT $3::bigint + g, $1::bigint, 'Bench question ' || $1::bigint || '-' || g, true, $4::bigint + (g - 1) * 4 + 1 + g % 4
  FROM generate_series(1, $2::int) g
)
INSERT INTO answer_options (id, question_id, pos, text)
SELECT $4::bigint + (g - 1) * 4 + p, $3::bigint + g, p, 'Bench option ' || p
FROM generate_series(1, $2::int) g, generate_series(1, 4) p;

-- name: bankBases
SELECT (SELECT COALESCE(max(id), 0) FROM questions) AS questions,
       (SELECT COALESCE(max(id), 0) FROM answer_options) AS options;

-- name: syncBankSequences
SELECT setval(pg_get_serial_sequence('questions', 'id'), (SELECT max(id) FROM questions)),
       setval(pg_get_serial_sequence('answer_options', 'id'), (SELECT max(id) FROM answer_options));

-- name: activeQuestionsPerModule
SELECT m.id AS module_id, count(q.id)::int AS active
FROM modules m JOIN tracks t ON t.id = m.track_id AND t.name = $1::text
LEFT JOIN questions q ON q.module_id = m.id AND q.is_active
GROUP BY m.id ORDER BY m.id;
