-- Resubmission (issue 5): an application returned for material (退回补充材料) and resubmitted is determined again on
-- its new claim. determination holds the latest revision; determination_revision keeps every revision's outcome, so an
-- earlier one is never lost. An application.submitted.v1 with a revision not above the stored one is a duplicate.
ALTER TABLE determination ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

CREATE TABLE determination_revision (
    application_id UUID        NOT NULL REFERENCES determination (application_id),
    revision       INTEGER     NOT NULL,
    as_of          DATE        NOT NULL,
    claim          JSONB       NOT NULL,
    eligible       BOOLEAN     NOT NULL,
    reasons        JSONB       NOT NULL,
    facts          JSONB       NOT NULL,
    determined_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (application_id, revision)
);

INSERT INTO determination_revision (application_id, revision, as_of, claim, eligible, reasons, facts, determined_at)
    SELECT application_id, 0, as_of, claim, eligible, reasons, facts, determined_at
    FROM determination WHERE state = 'DETERMINED';
