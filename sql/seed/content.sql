-- Seed, part 2: one module's content document (sql/seed/content/<module>.json), upserted by natural
-- keys. $1 is the document (jsonb), $2 the track name. Every statement returns one row per row it
-- wrote, so a second run returns nothing. Shape of the document:
--   { "module": name,
--     "questions": [{ "text", "options": [texts], "correct_pos": 1-4 }],
--     "articles": [{ "stage": "trainee-0" | "junior-1" …, "kind", "position", "title", "content_ref",
--                    "body", "minitest": [1-based indexes into "questions"] }] }
-- questions ↔ answer_options reference each other, so questions are written in three steps:
-- insert inactive without a correct option, insert the options, then set the correct option and
-- activate. A question that already has its correct option is never touched again (an admin may
-- have edited or deactivated it).

-- name: findModule
SELECT module.id
FROM modules module
JOIN tracks track ON track.id = module.track_id
WHERE track.name = $2::text AND module.name = $1::jsonb ->> 'module';

-- name: insertQuestions
WITH module AS (
  SELECT m.id FROM modules m JOIN tracks t ON t.id = m.track_id
  WHERE t.name = $2::text AND m.name = $1::jsonb ->> 'module'
), doc AS (
  SELECT item.value ->> 'text' AS text, item.ord
  FROM jsonb_array_elements($1::jsonb -> 'questions') WITH ORDINALITY AS item (value, ord)
)
INSERT INTO questions (module_id, text, is_active)
SELECT module.id, doc.text, false
FROM module CROSS JOIN doc
WHERE NOT EXISTS (SELECT 1 FROM questions q WHERE q.module_id = module.id AND q.text = doc.text)
ORDER BY doc.ord
ON CONFLICT (module_id, text) DO NOTHING
RETURNING id;

-- name: insertAnswerOptions
-- only for questions still waiting for their correct option, i.e. written by this seed run
WITH module AS (
  SELECT m.id FROM modules m JOIN tracks t ON t.id = m.track_id
  WHERE t.name = $2::text AND m.name = $1::jsonb ->> 'module'
), doc AS (
  SELECT item.value AS question
  FROM jsonb_array_elements($1::jsonb -> 'questions') AS item (value)
)
INSERT INTO answer_options (question_id, pos, text)
SELECT question.id, option.pos::integer, option.text
FROM module
CROSS JOIN doc
JOIN questions question ON question.module_id = module.id AND question.text = doc.question ->> 'text'
CROSS JOIN LATERAL jsonb_array_elements_text(doc.question -> 'options') WITH ORDINALITY AS option (text, pos)
WHERE question.correct_option_id IS NULL
  AND NOT EXISTS (SELECT 1 FROM answer_options o WHERE o.question_id = question.id AND o.pos = option.pos)
ORDER BY question.id, option.pos
ON CONFLICT (question_id, pos) DO NOTHING
RETURNING id;

-- name: activateQuestions
WITH module AS (
  SELECT m.id FROM modules m JOIN tracks t ON t.id = m.track_id
  WHERE t.name = $2::text AND m.name = $1::jsonb ->> 'module'
), doc AS (
  SELECT item.value ->> 'text' AS text, (item.value ->> 'correct_pos')::integer AS correct_pos
  FROM jsonb_array_elements($1::jsonb -> 'questions') AS item (value)
)
UPDATE questions question
SET correct_option_id = option.id, is_active = true
FROM module, doc, answer_options option
WHERE question.module_id = module.id
  AND question.text = doc.text
  AND question.correct_option_id IS NULL
  AND option.question_id = question.id
  AND option.pos = doc.correct_pos
RETURNING question.id;

-- name: insertArticles
-- "stage" is "<rank>-<level>", resolved to the stage of the module's track
WITH module AS (
  SELECT m.id, m.track_id FROM modules m JOIN tracks t ON t.id = m.track_id
  WHERE t.name = $2::text AND m.name = $1::jsonb ->> 'module'
), doc AS (
  SELECT item.value AS article, item.ord
  FROM jsonb_array_elements($1::jsonb -> 'articles') WITH ORDINALITY AS item (value, ord)
)
INSERT INTO articles (track_id, module_id, stage_id, kind, position, title, content_ref, body)
SELECT module.track_id, module.id, stage.id,
       doc.article ->> 'kind',
       (doc.article ->> 'position')::integer,
       doc.article ->> 'title',
       doc.article ->> 'content_ref',
       COALESCE(doc.article ->> 'body', '')
FROM module
CROSS JOIN doc
JOIN stages stage
  ON stage.track_id = module.track_id
 AND stage.rank = split_part(doc.article ->> 'stage', '-', 1)
 AND stage.level::text = split_part(doc.article ->> 'stage', '-', 2)
WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.content_ref = doc.article ->> 'content_ref')
ORDER BY doc.ord
ON CONFLICT (content_ref) DO NOTHING
RETURNING id;

-- name: insertMinitests
-- A required article of this module that has no minitest yet gets the document's questions, named
-- by their 1-based index into "questions", at positions 1..3. A minitest an admin has configured
-- is left alone.
WITH module AS (
  SELECT m.id FROM modules m JOIN tracks t ON t.id = m.track_id
  WHERE t.name = $2::text AND m.name = $1::jsonb ->> 'module'
), doc AS (
  SELECT item.value AS article
  FROM jsonb_array_elements($1::jsonb -> 'articles') AS item (value)
)
INSERT INTO article_minitest_questions (article_id, pos, question_id, module_id, kind)
SELECT article.id, pick.pos::integer, question.id, article.module_id, article.kind
FROM module
CROSS JOIN doc
JOIN articles article ON article.content_ref = doc.article ->> 'content_ref' AND article.module_id = module.id
CROSS JOIN LATERAL jsonb_array_elements_text(doc.article -> 'minitest') WITH ORDINALITY AS pick (question_index, pos)
JOIN questions question
  ON question.module_id = module.id
 AND question.text = $1::jsonb -> 'questions' -> (pick.question_index::integer - 1) ->> 'text'
WHERE article.kind = 'required'
  AND NOT EXISTS (SELECT 1 FROM article_minitest_questions mq WHERE mq.article_id = article.id)
ORDER BY article.id, pick.pos
ON CONFLICT DO NOTHING
RETURNING article_id;
