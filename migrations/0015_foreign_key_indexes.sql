-- An index led by the columns of every foreign key (docs/decisions.md, "An index behind every
-- foreign key"). PostgreSQL indexes the referenced side only; without an index on the referencing
-- side, deleting or re-keying a referenced row (a question's option, a stage's position, an
-- admin) scans the whole referencing table under a lock, and joins along the key cannot use an
-- index. A single-column index that a new composite one now leads is dropped: the composite
-- serves every lookup it served.

-- Up Migration

-- Catalog, settings and approvals.
CREATE INDEX ix_settings_versions_created_by_admin_id ON settings_versions (created_by_admin_id);
CREATE INDEX ix_user_stage_progress_user_graduated ON user_stage_progress (user_id, user_graduated);
CREATE INDEX ix_user_stage_progress_user_track ON user_stage_progress (user_id, track_id);
CREATE INDEX ix_user_stage_progress_stage_track ON user_stage_progress (stage_id, track_id);
CREATE INDEX ix_user_stage_progress_settings_version_track ON user_stage_progress (settings_version_id, track_id);
DROP INDEX ix_user_stage_progress_stage_id;
DROP INDEX ix_user_stage_progress_settings_version_id;
CREATE INDEX ix_approval_requests_user_track ON approval_requests (user_id, track_id);
CREATE INDEX ix_approval_requests_to_stage_track ON approval_requests (to_stage_id, track_id);
CREATE INDEX ix_approval_requests_decided_by_admin_id ON approval_requests (decided_by_admin_id);

-- Content.
CREATE INDEX ix_articles_module_track ON articles (module_id, track_id);
CREATE INDEX ix_articles_stage_track ON articles (stage_id, track_id);
DROP INDEX ix_articles_module_id;
CREATE INDEX ix_user_stage_articles_article_stage ON user_stage_articles (article_id, stage_id);
CREATE INDEX ix_user_stage_articles_article_kind ON user_stage_articles (article_id, kind);
DROP INDEX ix_user_stage_articles_article_id;
CREATE INDEX ix_article_minitest_questions_article_module ON article_minitest_questions (article_id, module_id);
CREATE INDEX ix_article_minitest_questions_article_kind ON article_minitest_questions (article_id, kind);
CREATE INDEX ix_article_minitest_questions_question_module ON article_minitest_questions (question_id, module_id);
DROP INDEX ix_article_minitest_questions_question_id;

-- Diagnostika.
CREATE INDEX ix_diagnostika_results_stage_position ON diagnostika_results (stage_id, stage_position);
CREATE INDEX ix_diag_att_q_question_module ON diagnostika_attempt_questions (question_id, module_id);
DROP INDEX ix_diagnostika_attempt_questions_question_id;
CREATE INDEX ix_diag_ans_question_option ON diagnostika_attempt_answers (question_id, selected_option_id);
CREATE INDEX ix_diagnostika_module_stats_module_id ON diagnostika_module_stats (module_id);

-- Level exams.
CREATE INDEX ix_lexam_att_progress ON level_exam_attempts (user_id, stage_id, settings_version_id);
CREATE INDEX ix_lexam_att_q_question_module ON level_exam_attempt_questions (question_id, module_id);
DROP INDEX ix_lexam_att_q_question_id;
CREATE INDEX ix_lexam_ans_question_option ON level_exam_attempt_answers (question_id, selected_option_id);
CREATE INDEX ix_lexam_mod_stats_module_id ON level_exam_attempt_module_stats (module_id);

-- Rank finals.
CREATE INDEX ix_rfinal_att_stage_level ON rank_final_attempts (stage_id, stage_level);
CREATE INDEX ix_rfinal_att_progress ON rank_final_attempts (user_id, stage_id, settings_version_id);
CREATE INDEX ix_rfinal_att_q_question_module ON rank_final_attempt_questions (question_id, module_id);
DROP INDEX ix_rfinal_att_q_question_id;
CREATE INDEX ix_rfinal_ans_question_option ON rank_final_attempt_answers (question_id, selected_option_id);
CREATE INDEX ix_rfinal_mod_stats_module_id ON rank_final_attempt_module_stats (module_id);

-- Item statistics.
CREATE INDEX ix_item_option_stripes_question_option ON item_option_stripes (question_id, option_id);
DROP INDEX ix_item_option_stripes_question_id;

-- Down Migration

CREATE INDEX ix_item_option_stripes_question_id ON item_option_stripes (question_id);
DROP INDEX ix_item_option_stripes_question_option;

DROP INDEX ix_rfinal_mod_stats_module_id;
DROP INDEX ix_rfinal_ans_question_option;
CREATE INDEX ix_rfinal_att_q_question_id ON rank_final_attempt_questions (question_id);
DROP INDEX ix_rfinal_att_q_question_module;
DROP INDEX ix_rfinal_att_progress;
DROP INDEX ix_rfinal_att_stage_level;

DROP INDEX ix_lexam_mod_stats_module_id;
DROP INDEX ix_lexam_ans_question_option;
CREATE INDEX ix_lexam_att_q_question_id ON level_exam_attempt_questions (question_id);
DROP INDEX ix_lexam_att_q_question_module;
DROP INDEX ix_lexam_att_progress;

DROP INDEX ix_diagnostika_module_stats_module_id;
DROP INDEX ix_diag_ans_question_option;
CREATE INDEX ix_diagnostika_attempt_questions_question_id ON diagnostika_attempt_questions (question_id);
DROP INDEX ix_diag_att_q_question_module;
DROP INDEX ix_diagnostika_results_stage_position;

CREATE INDEX ix_article_minitest_questions_question_id ON article_minitest_questions (question_id);
DROP INDEX ix_article_minitest_questions_question_module;
DROP INDEX ix_article_minitest_questions_article_kind;
DROP INDEX ix_article_minitest_questions_article_module;
CREATE INDEX ix_user_stage_articles_article_id ON user_stage_articles (article_id);
DROP INDEX ix_user_stage_articles_article_kind;
DROP INDEX ix_user_stage_articles_article_stage;
CREATE INDEX ix_articles_module_id ON articles (module_id);
DROP INDEX ix_articles_stage_track;
DROP INDEX ix_articles_module_track;

DROP INDEX ix_approval_requests_decided_by_admin_id;
DROP INDEX ix_approval_requests_to_stage_track;
DROP INDEX ix_approval_requests_user_track;
CREATE INDEX ix_user_stage_progress_settings_version_id ON user_stage_progress (settings_version_id);
CREATE INDEX ix_user_stage_progress_stage_id ON user_stage_progress (stage_id);
DROP INDEX ix_user_stage_progress_settings_version_track;
DROP INDEX ix_user_stage_progress_stage_track;
DROP INDEX ix_user_stage_progress_user_track;
DROP INDEX ix_user_stage_progress_user_graduated;
DROP INDEX ix_settings_versions_created_by_admin_id;
