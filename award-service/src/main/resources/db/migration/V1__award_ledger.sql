-- One row per enterprise, locked (SELECT ... FOR UPDATE) while an award is computed against its history, so two
-- awards racing for the same cap see each other.
CREATE TABLE award_account (
    uscc       CHAR(18)    PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Append-only ledger. PROPOSED is the computed award; grant, disbursement and clawback entries come with the review
-- workflow. Each entry keeps the facts it used and the formula trace, so the decision can be replayed.
CREATE TABLE ledger_entry (
    id              UUID          PRIMARY KEY,
    application_id  UUID          NOT NULL,
    uscc            CHAR(18)      NOT NULL REFERENCES award_account (uscc),
    clause_id       TEXT          NOT NULL,
    year            INTEGER       NOT NULL,
    kind            TEXT          NOT NULL CHECK (kind IN ('PROPOSED')),
    amount          NUMERIC(18,2) NOT NULL CHECK (amount >= 0),
    uncapped_amount NUMERIC(18,2) NOT NULL CHECK (uncapped_amount >= 0),
    trace           JSONB         NOT NULL,
    caps_applied    JSONB         NOT NULL,
    facts           JSONB         NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    -- The same determination delivered again must not add a second entry.
    CONSTRAINT ledger_entry_once_per_application UNIQUE (application_id, kind)
);
CREATE INDEX ledger_entry_by_cap_scope ON ledger_entry (uscc, clause_id, year);

-- Corrections are new entries, never edits.
CREATE FUNCTION ledger_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only();
