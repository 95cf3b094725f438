-- What the engine says an award is: a grant, an investment (跟投、先投后股) or a non-monetary measure; and whether
-- its amount is computed, a maximum left to review (择优、定档), or not computable from the text.
ALTER TABLE ledger_entry ADD COLUMN award_kind TEXT NOT NULL DEFAULT 'grant'
    CHECK (award_kind IN ('grant', 'investment', 'non_monetary'));
ALTER TABLE ledger_entry ADD COLUMN amount_basis TEXT NOT NULL DEFAULT 'computed'
    CHECK (amount_basis IN ('computed', 'review_maximum', 'not_computable'));
