-- The application lifecycle of issue 5 (docs/application-lifecycle.md): the status column now holds a
-- cn.huiqi.application.lifecycle.State. The thin flow's statuses keep their names (SUBMITTED, ELIGIBLE, INELIGIBLE,
-- AWARD_PROPOSED are states too); anything else is refused from now on by the CHECK below.
UPDATE application SET status = CASE status
        WHEN 'SUBMITTED' THEN 'SUBMITTED'
        WHEN 'ELIGIBLE' THEN 'ELIGIBLE'
        WHEN 'INELIGIBLE' THEN 'INELIGIBLE'
        WHEN 'AWARD_PROPOSED' THEN 'AWARD_PROPOSED'
    END;
ALTER TABLE application
    ADD CONSTRAINT application_state CHECK (status IN ('DRAFT', 'SUBMITTED', 'ELIGIBLE', 'INELIGIBLE',
        'AWARD_PROPOSED', 'FORMAL_REVIEW', 'EXPERT_REVIEW', 'RETURNED', 'PUBLIC_NOTICE', 'OBJECTION_RAISED',
        'APPROVED', 'DISBURSED', 'CLAWED_BACK', 'REJECTED', 'WITHDRAWN')),
    -- 公示: the last working day of the public notice (WorkingDayCalendar.periodEnd).
    ADD COLUMN notice_ends_on   DATE,
    ADD COLUMN approved_amount  NUMERIC(18,2),
    ADD COLUMN disbursed_amount NUMERIC(18,2),
    ADD COLUMN clawback_amount  NUMERIC(18,2);
CREATE INDEX application_by_state ON application (status, submitted_at DESC);

-- Every action on an application: who (actor kind and token subject), when, what (action, from, to), why (reason),
-- and the amount where the action has one. Append-only, like security_audit.
CREATE TABLE application_action (
    id             BIGSERIAL     PRIMARY KEY,
    application_id UUID          NOT NULL REFERENCES application (id),
    occurred_at    TIMESTAMPTZ   NOT NULL,
    action         TEXT          NOT NULL,
    from_state     TEXT,
    to_state       TEXT          NOT NULL,
    actor          TEXT          NOT NULL CHECK (actor IN ('enterprise', 'official', 'system', 'public')),
    actor_id       TEXT,
    department     TEXT,
    reason         TEXT,
    amount         NUMERIC(18,2),
    notice_ends_on DATE
);
CREATE INDEX application_action_by_application ON application_action (application_id, id);

-- Applications of the thin flow get their submission as the first entry of their history.
INSERT INTO application_action (application_id, occurred_at, action, from_state, to_state, actor, actor_id)
    SELECT id, submitted_at, 'SUBMIT', 'DRAFT', 'SUBMITTED', 'enterprise', 'enterprise:' || uscc FROM application;

CREATE FUNCTION application_action_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'application_action is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER application_action_no_update_or_delete BEFORE UPDATE OR DELETE ON application_action
    FOR EACH ROW EXECUTE FUNCTION application_action_append_only();
CREATE TRIGGER application_action_no_truncate BEFORE TRUNCATE ON application_action
    FOR EACH STATEMENT EXECUTE FUNCTION application_action_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON application_action FROM PUBLIC;

-- 异议: objections raised by anyone during a public notice. Name and contact are personal data: never in a public
-- list, read only by officials.
CREATE TABLE objection (
    id             UUID        PRIMARY KEY,
    application_id UUID        NOT NULL REFERENCES application (id),
    name           TEXT        NOT NULL,
    contact        TEXT        NOT NULL,
    reason         TEXT        NOT NULL,
    raised_at      TIMESTAMPTZ NOT NULL,
    resolved_at    TIMESTAMPTZ,
    resolution     TEXT        CHECK (resolution IN ('DISMISSED', 'UPHELD'))
);
CREATE INDEX objection_by_application ON objection (application_id, raised_at);
