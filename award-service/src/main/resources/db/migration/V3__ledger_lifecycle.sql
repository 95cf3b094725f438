-- The whole life of an award in the ledger (docs/award-ledger.md): proposed, granted on approval, disbursed, clawed
-- back, released (a proposal that no longer holds cap room), and corrections as top-ups or reversals.
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_kind_check;
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_kind_check
    CHECK (kind IN ('PROPOSED', 'GRANTED', 'DISBURSED', 'CLAWED_BACK', 'RELEASED', 'TOP_UP', 'REVERSAL'));

-- The change this entry makes to what the application holds against caps, count limits and stacking groups
-- (proposed and not released, granted): caps sum it, so they never count a released proposal.
ALTER TABLE ledger_entry ADD COLUMN held_delta NUMERIC(18,2);
-- Why the entry was written (a refusal, a release, a correction), and what caused it (the event or correction id).
ALTER TABLE ledger_entry ADD COLUMN reason TEXT;
ALTER TABLE ledger_entry ADD COLUMN caused_by UUID;
-- Decision records (PROPOSED, TOP_UP, REVERSAL): the pack the engine read (sha256 of the pack's files), the engine's
-- result before stacking, and the history the engine was given (cap id -> amount held, limit id -> awards counted),
-- so the decision replays exactly.
ALTER TABLE ledger_entry ADD COLUMN pack_version TEXT;
ALTER TABLE ledger_entry ADD COLUMN computed_amount NUMERIC(18,2) CHECK (computed_amount >= 0);
ALTER TABLE ledger_entry ADD COLUMN history JSONB;
ALTER TABLE ledger_entry ADD COLUMN stacking_group TEXT;

-- Entries other than decisions carry no trace, caps or facts.
ALTER TABLE ledger_entry ALTER COLUMN uncapped_amount DROP NOT NULL;
ALTER TABLE ledger_entry ALTER COLUMN trace DROP NOT NULL;
ALTER TABLE ledger_entry ALTER COLUMN caps_applied DROP NOT NULL;
ALTER TABLE ledger_entry ALTER COLUMN facts DROP NOT NULL;
ALTER TABLE ledger_entry ALTER COLUMN award_kind DROP NOT NULL;
ALTER TABLE ledger_entry ALTER COLUMN award_kind DROP DEFAULT;
ALTER TABLE ledger_entry ALTER COLUMN amount_basis DROP NOT NULL;
ALTER TABLE ledger_entry ALTER COLUMN amount_basis DROP DEFAULT;

-- Proposals written before this migration held their amount. The one sanctioned edit, in the migration itself.
ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_append_only;
UPDATE ledger_entry SET held_delta = amount, computed_amount = amount WHERE kind = 'PROPOSED';
ALTER TABLE ledger_entry ENABLE TRIGGER ledger_entry_append_only;
ALTER TABLE ledger_entry ALTER COLUMN held_delta SET NOT NULL;

-- Once per application for each step of the lifecycle; corrections may be several.
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_once_per_application;
CREATE UNIQUE INDEX ledger_entry_once_per_application ON ledger_entry (application_id, kind)
    WHERE kind IN ('PROPOSED', 'GRANTED', 'DISBURSED', 'CLAWED_BACK', 'RELEASED');
CREATE INDEX ledger_entry_by_application ON ledger_entry (application_id);
CREATE INDEX ledger_entry_by_group ON ledger_entry (uscc, stacking_group, year) WHERE stacking_group IS NOT NULL;

-- Applications withdrawn or rejected before their proposal arrived (the events travel on different topics): no
-- proposal is made for them later.
CREATE TABLE closed_application (
    application_id UUID        PRIMARY KEY,
    state          TEXT        NOT NULL,
    closed_at      TIMESTAMPTZ NOT NULL
);
