-- The append-only record of security-relevant requests (docs/security.md): every denial (401, 403, a 404 that hides
-- another enterprise's object, 413, 429) and every successful write. Who, when, what, from where, with what result.
CREATE TABLE security_audit (
    id             bigserial   PRIMARY KEY,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    subject        text,
    roles          text,
    uscc           text,
    method         text        NOT NULL,
    path           text        NOT NULL,
    operation      text,
    remote_address text,
    status         integer     NOT NULL,
    outcome        text        NOT NULL CHECK (outcome IN ('denied', 'written'))
);

CREATE INDEX security_audit_occurred_at ON security_audit (occurred_at);

-- Rows are never changed or removed, whatever role connects: the trigger refuses it even to the table's owner.
CREATE FUNCTION security_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'security_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER security_audit_no_update_or_delete BEFORE UPDATE OR DELETE ON security_audit
    FOR EACH ROW EXECUTE FUNCTION security_audit_append_only();
CREATE TRIGGER security_audit_no_truncate BEFORE TRUNCATE ON security_audit
    FOR EACH STATEMENT EXECUTE FUNCTION security_audit_append_only();

-- A runtime role that is not the owner may only insert and read (production: see docs/security.md).
REVOKE UPDATE, DELETE, TRUNCATE ON security_audit FROM PUBLIC;
