-- enterprise.profile-changed.v1 replaces the projection whole; profile_version (the registration is 1) lets a consumer
-- ignore a change older than the one it holds. 失信 records come with it (no vocabulary fact names them).
ALTER TABLE enterprise_projection
    ADD COLUMN profile_version BIGINT  NOT NULL DEFAULT 1,
    ADD COLUMN credit_blocked  BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN credit_records  JSONB   NOT NULL DEFAULT '[]';
