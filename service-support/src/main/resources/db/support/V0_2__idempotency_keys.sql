-- Idempotency-Key: the first answer to a (operation, key) is kept and replayed to retries of the same request.
CREATE TABLE idempotency_key (
    operation    TEXT        NOT NULL,
    key          TEXT        NOT NULL,
    request_hash TEXT        NOT NULL,
    status       INTEGER     NOT NULL,
    location     TEXT,
    body         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (operation, key)
);
