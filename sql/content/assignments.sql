-- The reading list of learner stages (user_stage_articles). "Current stage" = the learner's one
-- active or pending_approval progress row (found through uq_user_stage_progress_one_current_per_user).

-- name: assignedSet
-- $1 user, $2 stage
SELECT count(*) FILTER (WHERE usa.kind = 'optional')::int AS optional_count,
       count(*) FILTER (WHERE usa.kind = 'required')::int AS required_count,
       COALESCE(array_agg(a.module_id ORDER BY a.module_id) FILTER (WHERE usa.kind = 'required'), '{}') AS required_module_ids
FROM user_stage_articles usa
JOIN articles a ON a.id = usa.article_id
WHERE usa.user_id = $1 AND usa.stage_id = $2;

-- name: candidatesOf
-- The active articles of a stage (index ix_articles_selection). A minitest counts as configured
-- when its 3 slots hold active questions.
SELECT a.id, a.module_id, a.kind, a.position,
       (a.kind = 'required' AND (
          SELECT count(*) FROM article_minitest_questions mq JOIN questions q ON q.id = mq.question_id
          WHERE mq.article_id = a.id AND q.is_active) = 3) AS has_minitest
FROM articles a
WHERE a.stage_id = $1 AND a.is_active;

-- name: assign
-- $1 user, $2 stage, $3 article ids; the assignment's kind is the article's own.
INSERT INTO user_stage_articles (user_id, stage_id, article_id, kind)
SELECT $1, $2, a.id, a.kind
FROM articles a
WHERE a.id = ANY ($3::bigint[]);

-- name: listCurrent
-- Required first, then module, then article.
SELECT usa.article_id, a.module_id, m.name AS module_name, a.title, a.content_ref, usa.kind, usa.is_read, usa.minitest_passed
FROM user_stage_progress p
JOIN user_stage_articles usa ON usa.user_id = p.user_id AND usa.stage_id = p.stage_id
JOIN articles a ON a.id = usa.article_id
JOIN modules m ON m.id = a.module_id
WHERE p.user_id = $1 AND p.status IN ('active', 'pending_approval')
ORDER BY usa.kind = 'required' DESC, a.module_id, usa.article_id;

-- name: findCurrentArticle
SELECT a.id, a.module_id, a.stage_id, a.kind, a.title, a.content_ref, a.body
FROM user_stage_progress p
JOIN user_stage_articles usa ON usa.user_id = p.user_id AND usa.stage_id = p.stage_id
JOIN articles a ON a.id = usa.article_id
WHERE p.user_id = $1 AND p.status IN ('active', 'pending_approval') AND usa.article_id = $2;

-- name: markRead
-- One statement: find the assignment, mark it read when it is optional and unread, report its
-- kind. Of two concurrent calls the second re-checks `NOT is_read` after the first commits, so
-- read_at keeps the first time.
WITH target AS (
  SELECT usa.user_id, usa.stage_id, usa.article_id, usa.kind
  FROM user_stage_progress p
  JOIN user_stage_articles usa ON usa.user_id = p.user_id AND usa.stage_id = p.stage_id
  WHERE p.user_id = $1 AND p.status IN ('active', 'pending_approval') AND usa.article_id = $2
), marked AS (
  UPDATE user_stage_articles usa
  SET is_read = true, read_at = now()
  FROM target t
  WHERE usa.user_id = t.user_id AND usa.stage_id = t.stage_id AND usa.article_id = t.article_id
    AND t.kind = 'optional' AND NOT usa.is_read
  RETURNING usa.article_id
)
SELECT kind FROM target;

-- name: minitestOf
-- The assignment's kind and its minitest's active questions by slot, options by position
-- (never the correct option).
SELECT usa.kind,
       COALESCE((
         SELECT jsonb_agg(jsonb_build_object(
                  'id', q.id, 'module_id', q.module_id, 'text', q.text,
                  'options', (SELECT jsonb_agg(jsonb_build_object('id', o.id, 'pos', o.pos, 'text', o.text) ORDER BY o.pos)
                              FROM answer_options o WHERE o.question_id = q.id))
                ORDER BY mq.pos)
         FROM article_minitest_questions mq
         JOIN questions q ON q.id = mq.question_id
         WHERE mq.article_id = usa.article_id AND q.is_active
       ), '[]'::jsonb) AS questions
FROM user_stage_progress p
JOIN user_stage_articles usa ON usa.user_id = p.user_id AND usa.stage_id = p.stage_id
WHERE p.user_id = $1 AND p.status IN ('active', 'pending_approval') AND usa.article_id = $2;

-- name: lockAssignment
-- Locks the learner's own assignment row only (never the shared article or progress rows).
SELECT usa.stage_id, usa.kind, usa.minitest_passed
FROM user_stage_progress p
JOIN user_stage_articles usa ON usa.user_id = p.user_id AND usa.stage_id = p.stage_id
WHERE p.user_id = $1 AND p.status IN ('active', 'pending_approval') AND usa.article_id = $2
FOR UPDATE OF usa;

-- name: gradedMinitestOf
SELECT q.id AS question_id, q.module_id, q.correct_option_id,
       ARRAY(SELECT o.id FROM answer_options o WHERE o.question_id = q.id ORDER BY o.pos) AS option_ids
FROM article_minitest_questions mq
JOIN questions q ON q.id = mq.question_id
WHERE mq.article_id = $1 AND q.is_active
ORDER BY mq.pos;

-- name: markMinitestPassed
UPDATE user_stage_articles
SET minitest_passed = true, minitest_passed_at = now()
WHERE user_id = $1 AND stage_id = $2 AND article_id = $3 AND NOT minitest_passed;
