-- Holds reserve funds; top-up and withdrawal requests track money moving in and out.

CREATE TABLE wallet_hold (
    hold_id          uuid        PRIMARY KEY,
    wallet_id        uuid        NOT NULL REFERENCES wallet_account (wallet_id),
    purchase_id      uuid        UNIQUE,
    withdrawal_id    uuid        UNIQUE,
    pool_id          uuid,
    amount_cents     bigint      NOT NULL CHECK (amount_cents > 0),
    currency         char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status           text        NOT NULL CHECK (status IN ('ACTIVE', 'CAPTURED', 'RELEASED')),
    reason           text        NOT NULL CHECK (reason IN ('TICKET_RESERVATION', 'WITHDRAWAL')),
    expires_at       timestamptz, -- NULL once the purchase is confirmed (and for withdrawals)
    capture_entry_id bigint      REFERENCES wallet_ledger (entry_id),
    release_reason   text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    confirmed_at     timestamptz,
    captured_at      timestamptz,
    released_at      timestamptz,
    CONSTRAINT wallet_hold_subject CHECK (
        (reason = 'TICKET_RESERVATION' AND purchase_id IS NOT NULL AND withdrawal_id IS NULL) OR
        (reason = 'WITHDRAWAL' AND withdrawal_id IS NOT NULL AND purchase_id IS NULL)),
    CONSTRAINT wallet_hold_status_times CHECK (
        (status = 'ACTIVE' AND captured_at IS NULL AND released_at IS NULL) OR
        (status = 'CAPTURED' AND captured_at IS NOT NULL AND released_at IS NULL) OR
        (status = 'RELEASED' AND released_at IS NOT NULL AND captured_at IS NULL))
);

CREATE INDEX wallet_hold_active ON wallet_hold (wallet_id) INCLUDE (amount_cents) WHERE status = 'ACTIVE';
CREATE INDEX wallet_hold_expiring ON wallet_hold (expires_at) WHERE status = 'ACTIVE' AND expires_at IS NOT NULL;

-- A hold ends once: ACTIVE -> CAPTURED or ACTIVE -> RELEASED; what it reserves never changes.
CREATE FUNCTION wallet_hold_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.hold_id, NEW.wallet_id, NEW.purchase_id, NEW.withdrawal_id, NEW.amount_cents, NEW.currency, NEW.reason)
       IS DISTINCT FROM
       (OLD.hold_id, OLD.wallet_id, OLD.purchase_id, OLD.withdrawal_id, OLD.amount_cents, OLD.currency, OLD.reason) THEN
        RAISE EXCEPTION 'wallet_hold %: what a hold reserves never changes', OLD.hold_id USING ERRCODE = 'raise_exception';
    END IF;
    IF OLD.status <> 'ACTIVE' AND NEW.status IS DISTINCT FROM OLD.status THEN
        RAISE EXCEPTION 'wallet_hold %: a % hold is final', OLD.hold_id, OLD.status USING ERRCODE = 'raise_exception';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER wallet_hold_transitions BEFORE UPDATE ON wallet_hold
    FOR EACH ROW EXECUTE FUNCTION wallet_hold_guard();

CREATE TABLE wallet_topup_request (
    topup_id        uuid        PRIMARY KEY,
    wallet_id       uuid        NOT NULL REFERENCES wallet_account (wallet_id),
    user_id         uuid        NOT NULL,
    amount_cents    bigint      NOT NULL CHECK (amount_cents > 0),
    currency        char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    provider        text        NOT NULL CHECK (provider <> ''),
    provider_txn_id text        UNIQUE,
    status          text        NOT NULL CHECK (status IN ('CREATED', 'PROCESSING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    failure_reason  text,
    entry_id        bigint      REFERENCES wallet_ledger (entry_id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    processing_at   timestamptz,
    completed_at    timestamptz,
    failed_at       timestamptz,
    cancelled_at    timestamptz,
    CONSTRAINT wallet_topup_completed CHECK (
        (status = 'COMPLETED') = (completed_at IS NOT NULL AND entry_id IS NOT NULL AND provider_txn_id IS NOT NULL))
);

CREATE INDEX wallet_topup_user ON wallet_topup_request (user_id, topup_id);

CREATE TABLE wallet_withdrawal_request (
    withdrawal_id    uuid        PRIMARY KEY,
    wallet_id        uuid        NOT NULL REFERENCES wallet_account (wallet_id),
    user_id          uuid        NOT NULL,
    amount_cents     bigint      NOT NULL CHECK (amount_cents > 0),
    currency         char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    provider         text        NOT NULL CHECK (provider <> ''),
    destination      text        NOT NULL CHECK (destination <> ''),
    provider_txn_id  text        UNIQUE,
    status           text        NOT NULL CHECK (status IN ('REQUESTED', 'PROCESSING', 'COMPLETED', 'FAILED',
                                     'REJECTED', 'CANCELLED')),
    hold_id          uuid        NOT NULL REFERENCES wallet_hold (hold_id),
    entry_id         bigint      REFERENCES wallet_ledger (entry_id),
    decided_by       text,
    decision_reason  text,
    failure_reason   text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    approved_at      timestamptz,
    rejected_at      timestamptz,
    cancelled_at     timestamptz,
    completed_at     timestamptz,
    failed_at        timestamptz,
    CONSTRAINT wallet_withdrawal_entry CHECK (
        (status IN ('PROCESSING', 'COMPLETED', 'FAILED')) = (entry_id IS NOT NULL))
);

CREATE INDEX wallet_withdrawal_user ON wallet_withdrawal_request (user_id, withdrawal_id);
CREATE INDEX wallet_withdrawal_status ON wallet_withdrawal_request (status, withdrawal_id);

-- The balance the ledger says each wallet has, beside the cached one and the held amount.
CREATE VIEW wallet_balance_view AS
SELECT a.wallet_id,
       a.user_id,
       a.currency,
       a.status,
       coalesce((SELECT sum(CASE WHEN l.direction = 'CREDIT' THEN l.amount_cents ELSE -l.amount_cents END)
                 FROM wallet_ledger l WHERE l.wallet_id = a.wallet_id AND l.status = 'POSTED'), 0)::bigint AS balance_cents,
       coalesce((SELECT sum(h.amount_cents)
                 FROM wallet_hold h WHERE h.wallet_id = a.wallet_id AND h.status = 'ACTIVE'), 0)::bigint AS held_cents,
       a.balance_cents AS cached_balance_cents
FROM wallet_account a;
