-- POST /admin/import: set-based writes of a checked bundle, one statement per kind of row however
-- large the bundle (a 10,000-question bundle is a handful of statements, never a query per row).
-- Every insert skips what exists by natural key and RETURNS only what it created.

-- name: insertTrackIfMissing
INSERT INTO tracks (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id;

-- name: lockTrackByName
-- imports into one track run one at a time; FOR NO KEY UPDATE leaves signups (KEY SHARE) alone
SELECT t.id FROM tracks t WHERE t.name = $1 FOR NO KEY UPDATE OF t;

-- name: stagesOfTrack
SELECT s.rank, s.level FROM stages s WHERE s.track_id = $1;

-- name: articlesByContentRef
-- the module name only when the article is on this track (another track's article is a clash)
SELECT a.content_ref, a.kind, CASE WHEN a.track_id = $1 THEN m.name END AS module
FROM articles a
JOIN modules m ON m.id = a.module_id
WHERE a.content_ref = ANY($2::text[]);

-- name: questionsByText
-- $2: [{module, text}] named by minitests. FOR SHARE: not deactivated while the import runs.
SELECT ref.module, q.text, q.is_active
FROM jsonb_to_recordset($2::jsonb) AS ref (module text, text text)
JOIN modules m ON m.track_id = $1 AND m.name = ref.module
JOIN questions q ON q.module_id = m.id AND q.text = ref.text
FOR SHARE OF q;

-- name: insertModules
INSERT INTO modules (track_id, name)
SELECT $1, item.name
FROM unnest($2::text[]) WITH ORDINALITY AS item (name, ord)
WHERE NOT EXISTS (SELECT 1 FROM modules m WHERE m.track_id = $1 AND m.name = item.name)
ORDER BY item.ord
ON CONFLICT (track_id, name) DO NOTHING
RETURNING id;

-- name: moduleIds
SELECT m.id, m.name FROM modules m WHERE m.track_id = $1;

-- name: insertQuestions
-- step 1 of 3: the missing questions, inactive and without a correct option; $1 module ids and
-- $2 texts are parallel arrays in bundle order
INSERT INTO questions (module_id, text, is_active)
SELECT item.module_id, item.text, false
FROM unnest($1::bigint[], $2::text[]) WITH ORDINALITY AS item (module_id, text, ord)
WHERE NOT EXISTS (SELECT 1 FROM questions q WHERE q.module_id = item.module_id AND q.text = item.text)
ORDER BY item.ord
ON CONFLICT (module_id, text) DO NOTHING
RETURNING id, module_id, text;

-- name: insertOptions
-- step 2 of 3: parallel arrays (question id, position, text), one element per option
INSERT INTO answer_options (question_id, pos, text)
SELECT item.question_id, item.pos, item.text
FROM unnest($1::bigint[], $2::integer[], $3::text[]) AS item (question_id, pos, text);

-- name: activateQuestions
-- step 3 of 3: parallel arrays (question id, position of its correct option)
UPDATE questions question
SET correct_option_id = option.id, is_active = true
FROM unnest($1::bigint[], $2::integer[]) AS item (question_id, correct_pos)
JOIN answer_options option ON option.question_id = item.question_id AND option.pos = item.correct_pos
WHERE question.id = item.question_id;

-- name: insertArticles
-- $2: [{module_id, rank, level, kind, position, title, content_ref, body, ord}]
INSERT INTO articles (track_id, module_id, stage_id, kind, position, title, content_ref, body)
SELECT $1, item.module_id, stage.id, item.kind, item.position, item.title, item.content_ref, item.body
FROM jsonb_to_recordset($2::jsonb) AS item (
  module_id bigint, rank text, level integer, kind text, position integer, title text, content_ref text, body text, ord integer
)
JOIN stages stage ON stage.track_id = $1 AND stage.rank = item.rank AND stage.level = item.level
WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.content_ref = item.content_ref)
ORDER BY item.ord
ON CONFLICT (content_ref) DO NOTHING
RETURNING id;

-- name: insertMinitests
-- $1: [{content_ref, module_id, pos, text}] for the bundle's required articles; only an article
-- without a minitest gets one (a minitest set by an admin is left alone)
INSERT INTO article_minitest_questions (article_id, pos, question_id, module_id, kind)
SELECT article.id, item.pos, question.id, article.module_id, article.kind
FROM jsonb_to_recordset($1::jsonb) AS item (content_ref text, module_id bigint, pos integer, text text)
JOIN articles article ON article.content_ref = item.content_ref AND article.module_id = item.module_id AND article.kind = 'required'
JOIN questions question ON question.module_id = item.module_id AND question.text = item.text
WHERE NOT EXISTS (SELECT 1 FROM article_minitest_questions mq WHERE mq.article_id = article.id)
ORDER BY article.id, item.pos
RETURNING article_id;
