-- The enterprise registry (docs/enterprise-registry.md): registration fields beyond the 统一社会信用代码, facts with
-- provenance and history, and 失信 records that can be ended.

-- Optional registration fields; existing registrations keep working without them. The contact person is personal data
-- (masked for officials, never logged). profile_version grows with every change announced by enterprise.profile-changed.
ALTER TABLE enterprise
    ADD COLUMN address         TEXT,
    ADD COLUMN industry_tags   JSONB  NOT NULL DEFAULT '[]',
    ADD COLUMN contact         JSONB,
    ADD COLUMN profile_version BIGINT NOT NULL DEFAULT 1;

-- Every value a fact has had, append-only. Source 'declared' is the enterprise's own word; 'system' is a government
-- system pushing it (recorded_by names the system). The effective value is the latest system value if there is one,
-- else the latest declared one; enterprise.facts keeps the effective values for reading.
CREATE TABLE enterprise_fact (
    id          BIGSERIAL   PRIMARY KEY,
    uscc        CHAR(18)    NOT NULL REFERENCES enterprise (uscc),
    name        TEXT        NOT NULL,
    value       JSONB       NOT NULL,
    source      TEXT        NOT NULL CHECK (source IN ('declared', 'system')),
    recorded_by TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    -- The year ("2025") or quarter ("2025Q3") the value is for; null for a timeless fact.
    period      TEXT        CHECK (period ~ '^\d{4}(Q[1-4])?$')
);
CREATE INDEX enterprise_fact_by_name ON enterprise_fact (uscc, name, id);

CREATE FUNCTION enterprise_fact_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'enterprise_fact is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER enterprise_fact_no_update_or_delete BEFORE UPDATE OR DELETE ON enterprise_fact
    FOR EACH ROW EXECUTE FUNCTION enterprise_fact_append_only();

-- Ending a 失信 record (the list's authority lifted it): who ended it, when and why; the record itself stays.
ALTER TABLE credit_record
    ADD COLUMN ended_on   DATE,
    ADD COLUMN ended_by   TEXT,
    ADD COLUMN ended_at   TIMESTAMPTZ,
    ADD COLUMN end_reason TEXT;

-- An official revealing a contact person is a security event of its own.
ALTER TABLE security_audit DROP CONSTRAINT security_audit_outcome_check;
ALTER TABLE security_audit ADD CONSTRAINT security_audit_outcome_check
    CHECK (outcome IN ('denied', 'written', 'revealed'));

-- Facts registered before the registry kept history become their first declared values.
INSERT INTO enterprise_fact (uscc, name, value, source, recorded_by, recorded_at)
SELECT e.uscc, f.key, f.value, 'declared', 'registration', e.registered_at
FROM enterprise e, jsonb_each(e.facts) f
WHERE f.value <> 'null'::jsonb
ORDER BY e.registered_at, e.uscc, f.key;
