-- 申报期: a clause's application window for a year, set by an official of its department. Without one, a clause takes
-- applications whenever its policy is in force; with one, only from opens_on to closes_on (China dates, both
-- included): "未在规定时间内提交...视为自动放弃".
CREATE TABLE application_window (
    clause_id TEXT        NOT NULL,
    year      INTEGER     NOT NULL,
    opens_on  DATE        NOT NULL,
    closes_on DATE        NOT NULL CHECK (closes_on >= opens_on),
    set_by    TEXT        NOT NULL,
    set_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (clause_id, year)
);
