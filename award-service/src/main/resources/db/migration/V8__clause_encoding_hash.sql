-- Decision records name the hash of their clause's award encoding (formula, caps, limits), not only the pack's: at
-- start, awards whose clause changed in a new pack are recomputed (docs/award-ledger.md), the others are left alone.
-- Records written before this column have none; they are compared by pack version.
ALTER TABLE ledger_entry ADD COLUMN clause_hash TEXT;
