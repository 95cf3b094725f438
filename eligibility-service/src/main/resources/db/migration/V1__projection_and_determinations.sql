-- What eligibility knows of each enterprise, built from enterprise.* events (never read from another service's tables).
CREATE TABLE enterprise_projection (
    uscc              CHAR(18)    PRIMARY KEY,
    name              TEXT        NOT NULL,
    legal_form        TEXT        NOT NULL,
    region_code       CHAR(6)     NOT NULL,
    registration_date DATE        NOT NULL,
    facts             JSONB       NOT NULL DEFAULT '{}',
    updated_at        TIMESTAMPTZ NOT NULL
);

-- One determination per application. PENDING while the enterprise's facts have not arrived yet (events of different
-- topics are not ordered with each other); DETERMINED once evaluated.
CREATE TABLE determination (
    application_id UUID        PRIMARY KEY,
    uscc           CHAR(18)    NOT NULL,
    clause_id      TEXT        NOT NULL,
    year           INTEGER     NOT NULL,
    as_of          DATE        NOT NULL,
    claim          JSONB       NOT NULL,
    state          TEXT        NOT NULL CHECK (state IN ('PENDING', 'DETERMINED')),
    eligible       BOOLEAN,
    reasons        JSONB       NOT NULL DEFAULT '[]',
    facts          JSONB       NOT NULL DEFAULT '{}',
    received_at    TIMESTAMPTZ NOT NULL,
    determined_at  TIMESTAMPTZ
);
CREATE INDEX determination_pending ON determination (uscc) WHERE state = 'PENDING';
