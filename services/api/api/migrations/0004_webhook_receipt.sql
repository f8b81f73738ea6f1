-- Payment provider events already handled, written in the same transaction as their effect:
-- a redelivered event finds its receipt and changes nothing.
CREATE TABLE webhook_receipt (
    provider    text        NOT NULL,
    event_id    text        NOT NULL CHECK (length(event_id) BETWEEN 1 AND 255),
    event_type  text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    outcome     text        NOT NULL,   -- confirmed, failed, forwarded, ignored, …
    PRIMARY KEY (provider, event_id)
);
