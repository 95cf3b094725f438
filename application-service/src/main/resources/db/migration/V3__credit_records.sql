-- 失信: an enterprise on a list of seriously dishonest entities (e.g. 失信被执行人, 严重失信主体名单) may not apply, as
-- the policies require. Records are pushed by government systems (the system role); one that has ended (listed_until in
-- the past) no longer blocks. Append-only: a correction is a new record.
CREATE TABLE credit_record (
    id           UUID        PRIMARY KEY,
    uscc         CHAR(18)    NOT NULL REFERENCES enterprise (uscc),
    list_name    TEXT        NOT NULL,
    authority    TEXT        NOT NULL,
    reference    TEXT,
    listed_on    DATE        NOT NULL,
    listed_until DATE,
    recorded_at  TIMESTAMPTZ NOT NULL,
    recorded_by  TEXT        NOT NULL
);
CREATE INDEX credit_record_by_enterprise ON credit_record (uscc, listed_on);
