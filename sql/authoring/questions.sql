-- The question bank as admins see it: every question with its options, the correct one and how
-- often it has been used. Usage counts go through the question_id indexes of each attempt table.

-- name: moduleExists
SELECT m.id FROM modules m WHERE m.id = $1;

-- name: list
-- $1 module, $2 cursor (last id of the previous page, NULL: first page), $3 limit; or, for the
-- detail view, $1 NULL and $4 the one question.
SELECT q.id, q.module_id, q.text, q.is_active, q.created_at, q.correct_option_id,
       COALESCE((SELECT jsonb_agg(jsonb_build_object('id', o.id, 'pos', o.pos, 'text', o.text) ORDER BY o.pos)
                 FROM answer_options o WHERE o.question_id = q.id), '[]'::jsonb) AS options,
       (SELECT count(*)::int FROM diagnostika_attempt_questions d WHERE d.question_id = q.id) AS diagnostika_uses,
       (SELECT count(*)::int FROM level_exam_attempt_questions l WHERE l.question_id = q.id) AS level_exam_uses,
       (SELECT count(*)::int FROM rank_final_attempt_questions r WHERE r.question_id = q.id) AS rank_final_uses,
       (SELECT count(*)::int FROM article_minitest_questions mq WHERE mq.question_id = q.id) AS minitest_uses
FROM questions q
WHERE ($1::bigint IS NULL OR q.module_id = $1) AND ($4::bigint IS NULL OR q.id = $4)
  AND ($2::bigint IS NULL OR q.id > $2::bigint)
ORDER BY q.id
LIMIT $3;

-- name: insertQuestion
-- step 1 of 3 (questions ↔ answer_options reference each other): inactive, no correct option yet
INSERT INTO questions (module_id, text, is_active) VALUES ($1, $2, false) RETURNING id;

-- name: insertOptions
-- step 2 of 3: $2 the option texts, at positions 1..n
INSERT INTO answer_options (question_id, pos, text)
SELECT $1, option.pos, option.text
FROM unnest($2::text[]) WITH ORDINALITY AS option (text, pos);

-- name: activate
-- step 3 of 3: the correct option (by position) and active
UPDATE questions question
SET correct_option_id = option.id, is_active = true
FROM answer_options option
WHERE question.id = $1 AND option.question_id = question.id AND option.pos = $2;

-- name: lock
-- FOR UPDATE (not NO KEY UPDATE): it conflicts with the KEY SHARE lock an attempt's foreign key
-- takes on the question, so an attempt adding this question and a text edit never interleave.
SELECT q.id, q.module_id, q.text, q.is_active
FROM questions q
WHERE q.id = $1
FOR UPDATE OF q;

-- name: usage
SELECT (SELECT count(*)::int FROM diagnostika_attempt_questions d WHERE d.question_id = $1) AS diagnostika_uses,
       (SELECT count(*)::int FROM level_exam_attempt_questions l WHERE l.question_id = $1) AS level_exam_uses,
       (SELECT count(*)::int FROM rank_final_attempt_questions r WHERE r.question_id = $1) AS rank_final_uses,
       (SELECT count(*)::int FROM article_minitest_questions mq WHERE mq.question_id = $1) AS minitest_uses;

-- name: update
UPDATE questions SET text = $2, is_active = $3 WHERE id = $1;

-- name: lockCandidates
-- FOR SHARE: a concurrent deactivation waits until the minitest that names the question is set
SELECT q.id, q.module_id, q.is_active
FROM questions q
WHERE q.id = ANY($1::bigint[])
FOR SHARE OF q;
