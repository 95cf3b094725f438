-- Drafts, resubmission, attachments and per-clause review settings (issue 5; docs/application-lifecycle.md).

-- revision: 0 at the first submission, one more at each RESUBMIT (application.submitted.v1 carries it; a determination
-- of an older revision no longer moves the application). created_at: when the application (or its draft) was saved;
-- a draft has no submitted_at until it is submitted (nor a draft withdrawn before it was).
ALTER TABLE application
    ADD COLUMN revision   INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN created_at TIMESTAMPTZ;
UPDATE application SET created_at = submitted_at;
ALTER TABLE application
    ALTER COLUMN created_at SET NOT NULL,
    ALTER COLUMN submitted_at DROP NOT NULL,
    ADD CONSTRAINT application_submitted_unless_draft CHECK (status IN ('DRAFT', 'WITHDRAWN')
        OR submitted_at IS NOT NULL);
CREATE INDEX application_by_enterprise_created ON application (uscc, created_at DESC);

-- Attachments: references to files stored once per content in huiqi.attachments.dir (keyed by sha256). Added while the
-- application is a draft or returned for material.
CREATE TABLE attachment (
    id             UUID        PRIMARY KEY,
    application_id UUID        NOT NULL REFERENCES application (id),
    file_name      TEXT        NOT NULL,
    sha256         CHAR(64)    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes     BIGINT      NOT NULL CHECK (size_bytes >= 0),
    content_type   TEXT        NOT NULL,
    uploaded_at    TIMESTAMPTZ NOT NULL,
    uploaded_by    TEXT        NOT NULL,
    -- The same content under the same name is one reference.
    CONSTRAINT attachment_once_per_application UNIQUE (application_id, sha256, file_name)
);
CREATE INDEX attachment_by_sha256 ON attachment (sha256);

-- Per-clause review settings, set by an official of the clause's department: the 公示 length in working days and
-- whether expert review (专家评审) is REQUIRED, OPTIONAL (the official decides) or NOT_USED. Without a row: the
-- configured default length (huiqi.public-notice.working-days) and OPTIONAL.
CREATE TABLE clause_review_settings (
    clause_id                  TEXT        PRIMARY KEY,
    public_notice_working_days INTEGER     NOT NULL CHECK (public_notice_working_days BETWEEN 1 AND 30),
    expert_review              TEXT        NOT NULL CHECK (expert_review IN ('REQUIRED', 'OPTIONAL', 'NOT_USED')),
    set_by                     TEXT        NOT NULL,
    set_at                     TIMESTAMPTZ NOT NULL
);
