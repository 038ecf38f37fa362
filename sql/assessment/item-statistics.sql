-- Item statistics: sufficient sums per question and per option, striped (shard = attempt id mod 8)
-- so concurrent submits sharing a question update different rows. Each fold locks its stripe rows
-- in question (then option) order, so two submits in the same stripe queue instead of deadlocking.

-- name: fold
-- One submitted sheet into the stripes of shard $1; per answer: $2 question ids, $3 chosen option ids,
-- $4 correct (0/1), $5 rest scores. Question stripes are locked first, then option stripes, each in id
-- order: the option rows wait for every question row (they read the questions' RETURNING), so every fold
-- takes its locks in one global order.
WITH answers AS (
  SELECT * FROM unnest($2::bigint[], $3::bigint[], $4::int[], $5::float8[]) AS a (question_id, option_id, x, rest)
), questions AS (
  INSERT INTO item_statistic_stripes AS s
    (question_id, shard, responses, sum_correct, sum_rest, sum_rest_squared, sum_correct_rest)
  SELECT a.question_id, $1, 1, a.x, a.rest, a.rest * a.rest, a.x * a.rest
  FROM answers a
  ORDER BY a.question_id
  ON CONFLICT (question_id, shard) DO UPDATE
  SET responses = s.responses + 1,
      sum_correct = s.sum_correct + EXCLUDED.sum_correct,
      sum_rest = s.sum_rest + EXCLUDED.sum_rest,
      sum_rest_squared = s.sum_rest_squared + EXCLUDED.sum_rest_squared,
      sum_correct_rest = s.sum_correct_rest + EXCLUDED.sum_correct_rest
  RETURNING 1
)
INSERT INTO item_option_stripes AS s (option_id, shard, question_id, chosen, sum_rest)
SELECT a.option_id, $1, a.question_id, 1, a.rest
FROM answers a
WHERE (SELECT count(*) FROM questions) = cardinality($2::bigint[])
ORDER BY a.question_id, a.option_id
ON CONFLICT (option_id, shard) DO UPDATE
SET chosen = s.chosen + 1,
    sum_rest = s.sum_rest + EXCLUDED.sum_rest;

-- name: thresholds
-- The item-analysis settings of the active version of the track that module $1, or question $2's module,
-- belongs to (the other parameter null); platform defaults while the track has none. No row: no such module.
SELECT m.id AS module_id,
       COALESCE(ts.item_min_responses, 30) AS item_min_responses,
       COALESCE(ts.item_min_facility_pct, 20) AS item_min_facility_pct,
       COALESCE(ts.item_max_facility_pct, 95) AS item_max_facility_pct,
       COALESCE(ts.item_min_discrimination_pct, 15) AS item_min_discrimination_pct
FROM modules m
LEFT JOIN settings_versions v ON v.track_id = m.track_id AND v.status = 'active'
LEFT JOIN track_settings ts ON ts.settings_version_id = v.id
WHERE m.id = COALESCE($1::bigint, (SELECT q.module_id FROM questions q WHERE q.id = $2::bigint));

-- name: sums
-- The questions of module $1, or the questions $2 (the other parameter null), having at least $3 responses,
-- each with its stripes and its options' stripes added up: the read touches at most 8 rows per question and
-- option, however many answers there are. Assembly asks only for questions with enough responses to be flagged.
WITH wanted AS (
  SELECT q.id FROM questions q WHERE q.module_id = $1::bigint
  UNION
  SELECT id FROM unnest($2::bigint[]) AS id
)
SELECT q.id AS question_id, q.text, q.is_active,
       COALESCE(s.responses, 0) AS responses, COALESCE(s.sum_correct, 0) AS sum_correct,
       COALESCE(s.sum_rest, 0) AS sum_rest, COALESCE(s.sum_rest_squared, 0) AS sum_rest_squared,
       COALESCE(s.sum_correct_rest, 0) AS sum_correct_rest,
       (SELECT json_agg(json_build_object('option_id', o.id, 'pos', o.pos, 'is_correct', o.id = q.correct_option_id,
                                          'chosen', COALESCE(os.chosen, 0), 'sum_rest', COALESCE(os.sum_rest, 0))
                        ORDER BY o.pos)
          FROM answer_options o
          CROSS JOIN LATERAL (
            SELECT sum(x.chosen)::int AS chosen, sum(x.sum_rest) AS sum_rest
            FROM item_option_stripes x WHERE x.option_id = o.id
          ) os
         WHERE o.question_id = q.id) AS options
FROM wanted
JOIN questions q ON q.id = wanted.id
CROSS JOIN LATERAL (
  SELECT sum(x.responses)::int AS responses, sum(x.sum_correct)::int AS sum_correct, sum(x.sum_rest) AS sum_rest,
         sum(x.sum_rest_squared) AS sum_rest_squared, sum(x.sum_correct_rest) AS sum_correct_rest
  FROM item_statistic_stripes x WHERE x.question_id = q.id
) s
WHERE COALESCE(s.responses, 0) >= $3::int
ORDER BY q.id;
