-- The approval queue's read model: a request with its learner and both stages spelled out, so the
-- queue, its pages in either order and the detail view select from one definition.

-- Up Migration

CREATE VIEW approval_request_details AS
SELECT r.id, r.user_id, r.track_id, r.type, r.status, r.from_stage_id, r.to_stage_id,
       r.created_at, r.decided_at, r.comment,
       u.email, u.full_name,
       fs.rank AS from_rank, fs.level AS from_level,
       ts.rank AS to_rank, ts.level AS to_level
FROM approval_requests r
JOIN users u ON u.id = r.user_id
JOIN stages fs ON fs.id = r.from_stage_id
LEFT JOIN stages ts ON ts.id = r.to_stage_id;

-- Down Migration

DROP VIEW approval_request_details;
