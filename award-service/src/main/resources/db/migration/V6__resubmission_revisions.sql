-- A resubmitted application (退回补充材料, then RESUBMIT) is determined again with a higher revision: the ledger
-- releases the earlier proposal and proposes again from the new facts (docs/award-ledger.md). Each entry belongs to
-- the revision of the proposal it follows; the lifecycle steps are once per application and revision.
ALTER TABLE ledger_entry ADD COLUMN revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0);
DROP INDEX ledger_entry_once_per_application;
CREATE UNIQUE INDEX ledger_entry_once_per_application ON ledger_entry (application_id, kind, revision)
    WHERE kind IN ('PROPOSED', 'GRANTED', 'DISBURSED', 'CLAWED_BACK', 'RELEASED');
