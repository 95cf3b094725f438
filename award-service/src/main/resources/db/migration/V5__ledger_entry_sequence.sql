-- The order entries were written in, from the database rather than a wall clock: replaying an application's entries
-- (balances, an award's status) follows it, and a clock that steps back cannot reorder a release before its proposal.
ALTER TABLE ledger_entry ADD COLUMN seq BIGSERIAL NOT NULL;
CREATE INDEX ledger_entry_by_uscc_seq ON ledger_entry (uscc, seq);
