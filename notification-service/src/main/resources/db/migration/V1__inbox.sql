-- In-app inbox. caused_by is the event that caused the message: one message per event and kind, whatever the
-- number of deliveries.
CREATE TABLE notification (
    id         UUID        PRIMARY KEY,
    recipient  TEXT        NOT NULL,
    channel    TEXT        NOT NULL CHECK (channel IN ('in-app')),
    kind       TEXT        NOT NULL,
    title      TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    caused_by  UUID        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    read_at    TIMESTAMPTZ,
    CONSTRAINT notification_once_per_event UNIQUE (caused_by, channel, recipient)
);
CREATE INDEX notification_inbox ON notification (recipient, created_at DESC);
