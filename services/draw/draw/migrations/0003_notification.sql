-- The winner notification of a draw, POSTed to the configured webhook until it answers 2xx.
-- payload is the exact body, so every retry sends the same bytes under the same id.
CREATE TABLE notification (
    id              uuid        PRIMARY KEY,
    pool_id         uuid        NOT NULL UNIQUE,
    draw_id         uuid        NOT NULL REFERENCES draw (draw_id),
    payload         bytea       NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'DELIVERED') = (delivered_at IS NOT NULL))
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'PENDING';

-- Every delivery attempt: the receiver's status code, or the error that prevented one.
CREATE TABLE notification_attempt (
    notification_id uuid        NOT NULL REFERENCES notification (id),
    attempt         integer     NOT NULL CHECK (attempt > 0),
    status_code     integer,
    error           text        NOT NULL DEFAULT '',
    at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (notification_id, attempt)
);
