-- Fund budgets (docs/award-ledger.md): a department's fund for one year with a total, and the clauses it pays. A
-- grant that would take a fund past its total waits in budget_hold, never silently reduced.
CREATE TABLE fund (
    id         UUID          PRIMARY KEY,
    name       TEXT          NOT NULL,
    department TEXT          NOT NULL,
    year       INTEGER       NOT NULL,
    total      NUMERIC(18,2) NOT NULL CHECK (total > 0),
    created_by TEXT,
    created_at TIMESTAMPTZ   NOT NULL
);

-- Each clause draws on at most one fund in a year.
CREATE TABLE fund_clause (
    fund_id   UUID    NOT NULL REFERENCES fund (id),
    clause_id TEXT    NOT NULL,
    year      INTEGER NOT NULL,
    PRIMARY KEY (clause_id, year)
);
CREATE INDEX fund_clause_by_fund ON fund_clause (fund_id);

-- The fund a granted award draws on, on its GRANTED entry and every entry after it.
ALTER TABLE ledger_entry ADD COLUMN fund_id UUID REFERENCES fund (id);
CREATE INDEX ledger_entry_by_fund ON ledger_entry (fund_id) WHERE fund_id IS NOT NULL;

-- Approved awards the fund could not cover when they were approved: awaiting budget, with the reason.
CREATE TABLE budget_hold (
    application_id UUID          PRIMARY KEY,
    fund_id        UUID          NOT NULL REFERENCES fund (id),
    uscc           CHAR(18)      NOT NULL,
    clause_id      TEXT          NOT NULL,
    year           INTEGER       NOT NULL,
    amount         NUMERIC(18,2) NOT NULL CHECK (amount >= 0),
    reason         TEXT          NOT NULL,
    caused_by      UUID,
    created_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX budget_hold_by_fund ON budget_hold (fund_id);
