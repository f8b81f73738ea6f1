-- Messages a consumer has handled, committed with the handler's effects (pkg/inbox).
CREATE TABLE inbox (
    consumer    text        NOT NULL,
    msg_id      text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, msg_id)
);

CREATE INDEX inbox_received_at ON inbox (received_at);
