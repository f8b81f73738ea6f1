-- Card refunds and disputes (docs/architecture.md, "Card refunds and disputes"). A purchase
-- whose card payment the buyer disputed is DISPUTED until the dispute closes; refunded_cents
-- is the most the provider has reported refunded to the card (never above what was paid).
ALTER TABLE purchase DROP CONSTRAINT IF EXISTS purchase_status_check;
ALTER TABLE purchase ADD CONSTRAINT purchase_status_check
    CHECK (status IN ('PENDING', 'CONFIRMED', 'FAILED', 'REFUNDED', 'DISPUTED'));
ALTER TABLE purchase ADD COLUMN refunded_cents bigint NOT NULL DEFAULT 0
    CHECK (refunded_cents >= 0 AND refunded_cents <= amount_cents);

-- Every card refund or dispute a provider reported, one row per provider event, with what
-- became of the ticket: voided (its pool was OPEN), none issued, or kept for an operator
-- to review (after the draw, a refund Tickup had already given, a dispute won after the
-- ticket was voided). GET /payment-cases lists them for admins.
CREATE TABLE payment_case (
    case_id         uuid        PRIMARY KEY,               -- v7: insert order
    purchase_id     uuid        NOT NULL REFERENCES purchase (purchase_id),
    provider        text        NOT NULL,
    event_id        text        NOT NULL,
    event_type      text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('REFUND', 'DISPUTE', 'DISPUTE_WON', 'DISPUTE_LOST')),
    amount_cents    bigint      NOT NULL CHECK (amount_cents > 0),
    currency        char(3)     NOT NULL,
    purchase_status text        NOT NULL,                  -- the purchase's status after the event
    pool_state      text,                                  -- as ticketing found the pool
    resolution      text        NOT NULL CHECK (resolution IN
                        ('pending', 'ticket_voided', 'no_ticket', 'operator_review', 'reinstated', 'closed')),
    detail          text        NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (provider, event_id)
);

CREATE INDEX payment_case_purchase ON payment_case (purchase_id, case_id);
CREATE INDEX payment_case_review ON payment_case (case_id) WHERE resolution IN ('pending', 'operator_review');
