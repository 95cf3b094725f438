-- Funds raised or lowered (docs/award-ledger.md): every change of a fund's total is recorded, append-only, with who,
-- when and why; the fund's own total is the latest. Lowering never goes below what is committed.
CREATE TABLE fund_adjustment (
    id             UUID          PRIMARY KEY,
    fund_id        UUID          NOT NULL REFERENCES fund (id),
    previous_total NUMERIC(18,2) NOT NULL,
    new_total      NUMERIC(18,2) NOT NULL CHECK (new_total > 0),
    reason         TEXT          NOT NULL,
    adjusted_by    TEXT          NOT NULL,
    adjusted_at    TIMESTAMPTZ   NOT NULL,
    seq            BIGSERIAL     NOT NULL
);
CREATE INDEX fund_adjustment_by_fund ON fund_adjustment (fund_id, seq);
CREATE FUNCTION fund_adjustment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'fund_adjustment is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER fund_adjustment_append_only BEFORE UPDATE OR DELETE ON fund_adjustment
    FOR EACH ROW EXECUTE FUNCTION fund_adjustment_append_only();

-- Awards awaiting budget are granted in the order they arrived (a sequence, not the clock) when the fund is raised;
-- a granted hold stays as the record of the wait, with when it ended.
ALTER TABLE budget_hold ADD COLUMN seq BIGSERIAL NOT NULL;
ALTER TABLE budget_hold ADD COLUMN granted_at TIMESTAMPTZ;
CREATE INDEX budget_hold_waiting ON budget_hold (fund_id, seq) WHERE granted_at IS NULL;
