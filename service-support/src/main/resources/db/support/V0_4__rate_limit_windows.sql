-- The current one-minute window of each rate-limited (operation, caller), shared by every instance of the service so
-- that n instances allow a caller the limit once, not n times (RateLimiter). Unlogged: losing the counts in a crash
-- only resets the windows. Rows of windows long over are deleted as the limiter goes.
CREATE UNLOGGED TABLE rate_limit_window (
    key          text        PRIMARY KEY,
    window_start timestamptz NOT NULL,
    count        integer     NOT NULL
);

CREATE INDEX rate_limit_window_start ON rate_limit_window (window_start);
