-- Assessment quality: the item-analysis settings, the striped sufficient sums that keep item
-- statistics current without rescanning answers, and the stored assembly of every exam attempt.

-- Up Migration

-- Defaults fill the rows of existing (also frozen) versions: ADD COLUMN fires no UPDATE trigger.
ALTER TABLE track_settings
  ADD COLUMN item_min_responses         integer NOT NULL DEFAULT 30,
  ADD COLUMN item_min_facility_pct      integer NOT NULL DEFAULT 20,
  ADD COLUMN item_max_facility_pct      integer NOT NULL DEFAULT 95,
  ADD COLUMN item_min_discrimination_pct integer NOT NULL DEFAULT 15,
  ADD COLUMN exclude_flagged_items      integer NOT NULL DEFAULT 0,
  ADD CONSTRAINT ck_track_settings_item_min_responses CHECK (item_min_responses >= 1),
  ADD CONSTRAINT ck_track_settings_item_facility_pct_range
    CHECK (item_min_facility_pct BETWEEN 0 AND 100 AND item_max_facility_pct BETWEEN 0 AND 100),
  ADD CONSTRAINT ck_track_settings_item_facility_min_le_max CHECK (item_min_facility_pct <= item_max_facility_pct),
  ADD CONSTRAINT ck_track_settings_item_min_discrimination_pct CHECK (item_min_discrimination_pct BETWEEN 0 AND 100),
  ADD CONSTRAINT ck_track_settings_exclude_flagged_items CHECK (exclude_flagged_items IN (0, 1));

-- Per question, the sums of its answers in submitted diagnostika, level-exam and rank-final
-- attempts, split over a few stripes (shard = attempt id mod 8) so concurrent submits sharing a
-- question update different rows; readers add the stripes up. x = 1 when correct; X = the rest
-- score of the answer in its attempt.
CREATE TABLE item_statistic_stripes (
  question_id      bigint NOT NULL,
  shard            smallint NOT NULL,
  responses        integer NOT NULL,
  sum_correct      integer NOT NULL,
  sum_rest         double precision NOT NULL,
  sum_rest_squared double precision NOT NULL,
  sum_correct_rest double precision NOT NULL,
  CONSTRAINT pk_item_statistic_stripes PRIMARY KEY (question_id, shard),
  CONSTRAINT fk_item_statistic_stripes_question FOREIGN KEY (question_id) REFERENCES questions (id) ON DELETE CASCADE,
  CONSTRAINT ck_item_statistic_stripes_shard CHECK (shard BETWEEN 0 AND 7),
  CONSTRAINT ck_item_statistic_stripes_counts CHECK (sum_correct BETWEEN 0 AND responses),
  CONSTRAINT ck_item_statistic_stripes_rest CHECK (sum_rest >= 0 AND sum_rest_squared >= 0 AND sum_correct_rest >= 0)
);

-- Per option: how many answers chose it and the sum of their rest scores, striped the same way.
CREATE TABLE item_option_stripes (
  option_id   bigint NOT NULL,
  shard       smallint NOT NULL,
  question_id bigint NOT NULL,
  chosen      integer NOT NULL,
  sum_rest    double precision NOT NULL,
  CONSTRAINT pk_item_option_stripes PRIMARY KEY (option_id, shard),
  CONSTRAINT fk_item_option_stripes_option FOREIGN KEY (question_id, option_id)
    REFERENCES answer_options (question_id, id) ON DELETE CASCADE,
  CONSTRAINT ck_item_option_stripes_shard CHECK (shard BETWEEN 0 AND 7),
  CONSTRAINT ck_item_option_stripes_chosen CHECK (chosen >= 0),
  CONSTRAINT ck_item_option_stripes_rest CHECK (sum_rest >= 0)
);

CREATE INDEX ix_item_option_stripes_question_id ON item_option_stripes (question_id);

-- How each exam attempt was assembled (weakness snapshot, allocation with reasons, the candidate
-- windows read, seed and settings version); NULL on attempts started before this migration.
ALTER TABLE level_exam_attempts ADD COLUMN assembly jsonb;
ALTER TABLE rank_final_attempts ADD COLUMN assembly jsonb;

-- Down Migration

ALTER TABLE rank_final_attempts DROP COLUMN assembly;
ALTER TABLE level_exam_attempts DROP COLUMN assembly;
DROP TABLE item_option_stripes;
DROP TABLE item_statistic_stripes;
ALTER TABLE track_settings
  DROP CONSTRAINT ck_track_settings_exclude_flagged_items,
  DROP CONSTRAINT ck_track_settings_item_min_discrimination_pct,
  DROP CONSTRAINT ck_track_settings_item_facility_min_le_max,
  DROP CONSTRAINT ck_track_settings_item_facility_pct_range,
  DROP CONSTRAINT ck_track_settings_item_min_responses,
  DROP COLUMN exclude_flagged_items,
  DROP COLUMN item_min_discrimination_pct,
  DROP COLUMN item_max_facility_pct,
  DROP COLUMN item_min_facility_pct,
  DROP COLUMN item_min_responses;
