-- Exam sittings (docs/product.md, "Exam sittings"): answers saved as the learner goes, time limits
-- pinned on the settings version, the learner's extra time as an accommodation, and the deadline and
-- the way an attempt was closed stored on each attempt.

-- Up Migration

-- 0 = untimed. Defaults fill the rows of existing (also frozen) versions: ADD COLUMN fires no UPDATE trigger.
-- The upper bound (a week) keeps deadline arithmetic far from any overflow.
ALTER TABLE track_settings
  ADD COLUMN level_exam_time_limit_minutes  integer NOT NULL DEFAULT 0,
  ADD COLUMN rank_final_time_limit_minutes  integer NOT NULL DEFAULT 0,
  ADD COLUMN diagnostika_time_limit_minutes integer NOT NULL DEFAULT 0,
  ADD CONSTRAINT ck_track_settings_level_exam_time_limit CHECK (level_exam_time_limit_minutes BETWEEN 0 AND 10080),
  ADD CONSTRAINT ck_track_settings_rank_final_time_limit CHECK (rank_final_time_limit_minutes BETWEEN 0 AND 10080),
  ADD CONSTRAINT ck_track_settings_diagnostika_time_limit CHECK (diagnostika_time_limit_minutes BETWEEN 0 AND 10080);

-- Extra time in percent of every time limit (WCAG 2.2.1), set by an admin; read when an attempt starts.
ALTER TABLE users
  ADD COLUMN extra_time_pct integer NOT NULL DEFAULT 0,
  ADD CONSTRAINT ck_users_extra_time_pct CHECK (extra_time_pct BETWEEN 0 AND 400);

-- deadline_at: NULL = untimed. expired: the attempt was closed after its deadline (plus the grace) and
-- scored on its saved answers, so it may hold fewer answers than questions.
ALTER TABLE diagnostika_results
  ADD COLUMN deadline_at timestamptz,
  ADD COLUMN expired     boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT ck_diagnostika_results_deadline_after_start CHECK (deadline_at > created_at),
  ADD CONSTRAINT ck_diagnostika_results_expired_closed
    CHECK (NOT expired OR (submitted_at IS NOT NULL AND deadline_at IS NOT NULL));
ALTER TABLE level_exam_attempts
  ADD COLUMN deadline_at timestamptz,
  ADD COLUMN expired     boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT ck_lexam_deadline_after_start CHECK (deadline_at > created_at),
  ADD CONSTRAINT ck_lexam_expired_closed CHECK (NOT expired OR (submitted_at IS NOT NULL AND deadline_at IS NOT NULL));
ALTER TABLE rank_final_attempts
  ADD COLUMN deadline_at timestamptz,
  ADD COLUMN expired     boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT ck_rfinal_deadline_after_start CHECK (deadline_at > created_at),
  ADD CONSTRAINT ck_rfinal_expired_closed CHECK (NOT expired OR (submitted_at IS NOT NULL AND deadline_at IS NOT NULL));

-- The close-expired sweep reads only open, timed attempts.
CREATE INDEX ix_diagnostika_results_open_deadline ON diagnostika_results (deadline_at)
  WHERE submitted_at IS NULL AND deadline_at IS NOT NULL;
CREATE INDEX ix_lexam_open_deadline ON level_exam_attempts (deadline_at)
  WHERE submitted_at IS NULL AND deadline_at IS NOT NULL;
CREATE INDEX ix_rfinal_open_deadline ON rank_final_attempts (deadline_at)
  WHERE submitted_at IS NULL AND deadline_at IS NOT NULL;

-- Saved answers of an open attempt, one per question (last write wins); never in the submitted
-- answers tables. Like a submitted answer, each answers a question of its own attempt with an
-- option of that question. Submitting or closing the attempt moves them into the answers table.
CREATE TABLE diagnostika_saved_answers (
  diagnostika_id     bigint NOT NULL,
  question_id        bigint NOT NULL,
  selected_option_id bigint NOT NULL,
  saved_at           timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT pk_diagnostika_saved_answers PRIMARY KEY (diagnostika_id, question_id),
  CONSTRAINT fk_diag_saved_attempt_question FOREIGN KEY (diagnostika_id, question_id)
    REFERENCES diagnostika_attempt_questions (diagnostika_id, question_id) ON DELETE CASCADE,
  CONSTRAINT fk_diag_saved_option_of_question FOREIGN KEY (question_id, selected_option_id)
    REFERENCES answer_options (question_id, id)
);

CREATE TABLE level_exam_saved_answers (
  attempt_id         bigint NOT NULL,
  question_id        bigint NOT NULL,
  selected_option_id bigint NOT NULL,
  saved_at           timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT pk_lexam_saved_ans PRIMARY KEY (attempt_id, question_id),
  CONSTRAINT fk_lexam_saved_attempt_question FOREIGN KEY (attempt_id, question_id)
    REFERENCES level_exam_attempt_questions (attempt_id, question_id) ON DELETE CASCADE,
  CONSTRAINT fk_lexam_saved_option_of_question FOREIGN KEY (question_id, selected_option_id)
    REFERENCES answer_options (question_id, id)
);

CREATE TABLE rank_final_saved_answers (
  attempt_id         bigint NOT NULL,
  question_id        bigint NOT NULL,
  selected_option_id bigint NOT NULL,
  saved_at           timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT pk_rfinal_saved_ans PRIMARY KEY (attempt_id, question_id),
  CONSTRAINT fk_rfinal_saved_attempt_question FOREIGN KEY (attempt_id, question_id)
    REFERENCES rank_final_attempt_questions (attempt_id, question_id) ON DELETE CASCADE,
  CONSTRAINT fk_rfinal_saved_option_of_question FOREIGN KEY (question_id, selected_option_id)
    REFERENCES answer_options (question_id, id)
);

-- The option side of each saved answer has its index too (docs/decisions.md, "An index behind every
-- foreign key"): re-keying or deleting an option must not scan these tables under a lock.
CREATE INDEX ix_diag_saved_question_option ON diagnostika_saved_answers (question_id, selected_option_id);
CREATE INDEX ix_lexam_saved_question_option ON level_exam_saved_answers (question_id, selected_option_id);
CREATE INDEX ix_rfinal_saved_question_option ON rank_final_saved_answers (question_id, selected_option_id);

-- Down Migration

DROP TABLE rank_final_saved_answers;
DROP TABLE level_exam_saved_answers;
DROP TABLE diagnostika_saved_answers;
DROP INDEX ix_rfinal_open_deadline;
DROP INDEX ix_lexam_open_deadline;
DROP INDEX ix_diagnostika_results_open_deadline;
ALTER TABLE rank_final_attempts
  DROP CONSTRAINT ck_rfinal_expired_closed,
  DROP CONSTRAINT ck_rfinal_deadline_after_start,
  DROP COLUMN expired,
  DROP COLUMN deadline_at;
ALTER TABLE level_exam_attempts
  DROP CONSTRAINT ck_lexam_expired_closed,
  DROP CONSTRAINT ck_lexam_deadline_after_start,
  DROP COLUMN expired,
  DROP COLUMN deadline_at;
ALTER TABLE diagnostika_results
  DROP CONSTRAINT ck_diagnostika_results_expired_closed,
  DROP CONSTRAINT ck_diagnostika_results_deadline_after_start,
  DROP COLUMN expired,
  DROP COLUMN deadline_at;
ALTER TABLE users
  DROP CONSTRAINT ck_users_extra_time_pct,
  DROP COLUMN extra_time_pct;
ALTER TABLE track_settings
  DROP CONSTRAINT ck_track_settings_diagnostika_time_limit,
  DROP CONSTRAINT ck_track_settings_rank_final_time_limit,
  DROP CONSTRAINT ck_track_settings_level_exam_time_limit,
  DROP COLUMN diagnostika_time_limit_minutes,
  DROP COLUMN rank_final_time_limit_minutes,
  DROP COLUMN level_exam_time_limit_minutes;
