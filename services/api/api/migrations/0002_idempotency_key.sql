-- Idempotency-Key of authenticated POSTs (Stripe semantics): one row per (caller, key),
-- in flight while the first request runs, then holding its answer for 24 hours.
CREATE TABLE idempotency_key (
    user_id          uuid        NOT NULL,
    key              text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash     bytea       NOT NULL,   -- SHA-256 of method, URI and body
    status           text        NOT NULL CHECK (status IN ('in_flight', 'completed')),
    response_status  int         CHECK (response_status BETWEEN 100 AND 499),
    response_body    bytea,
    response_headers jsonb       NOT NULL DEFAULT '{}',  -- Location, Content-Type
    created_at       timestamptz NOT NULL DEFAULT now(),
    completed_at     timestamptz,
    PRIMARY KEY (user_id, key),
    CHECK ((status = 'completed') = (response_status IS NOT NULL AND completed_at IS NOT NULL))
);

-- The sweeper deletes keys past their 24 hours.
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
