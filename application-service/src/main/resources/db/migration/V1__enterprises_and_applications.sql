CREATE TABLE enterprise (
    uscc              CHAR(18)    PRIMARY KEY,
    name              TEXT        NOT NULL,
    legal_form        TEXT        NOT NULL,
    region_code       CHAR(6)     NOT NULL,
    registration_date DATE        NOT NULL,
    facts             JSONB       NOT NULL DEFAULT '{}',
    registered_at     TIMESTAMPTZ NOT NULL,
    version           INTEGER     NOT NULL DEFAULT 0
);

CREATE TABLE application (
    id              UUID          PRIMARY KEY,
    uscc            CHAR(18)      NOT NULL REFERENCES enterprise (uscc),
    clause_id       TEXT          NOT NULL,
    year            INTEGER       NOT NULL,
    claim           JSONB         NOT NULL,
    status          TEXT          NOT NULL,
    amount          NUMERIC(18,2),
    uncapped_amount NUMERIC(18,2),
    reasons         JSONB         NOT NULL DEFAULT '[]',
    award_trace     JSONB         NOT NULL DEFAULT '[]',
    submitted_at    TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    version         INTEGER       NOT NULL DEFAULT 0,
    -- One application per enterprise, clause and year: a second one is a duplicate.
    CONSTRAINT application_once_per_clause_and_year UNIQUE (uscc, clause_id, year)
);
CREATE INDEX application_by_enterprise ON application (uscc, submitted_at DESC);
