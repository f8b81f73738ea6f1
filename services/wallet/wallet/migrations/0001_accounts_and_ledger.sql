-- Wallet accounts and the append-only ledger. Money is BIGINT cents plus an ISO 4217 currency;
-- references to other services' rows (users, purchases, pools, tickets) are plain UUIDs.

CREATE TABLE wallet_account (
    wallet_id     uuid        PRIMARY KEY,
    user_id       uuid        NOT NULL UNIQUE,
    currency      char(3)     NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    status        text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    status_reason text,
    balance_cents bigint      NOT NULL DEFAULT 0, -- cache of SUM(POSTED credits - POSTED debits)
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE wallet_ledger (
    entry_id          bigserial   PRIMARY KEY,
    wallet_id         uuid        NOT NULL REFERENCES wallet_account (wallet_id),
    direction         text        NOT NULL CHECK (direction IN ('CREDIT', 'DEBIT')),
    reason            text        NOT NULL CHECK (reason IN ('TOPUP', 'TICKET_PURCHASE', 'REFUND',
                                      'PRIZE_PAYOUT', 'ADJUSTMENT', 'WITHDRAWAL')),
    status            text        NOT NULL CHECK (status IN ('PENDING', 'POSTED', 'REVERSED')),
    amount_cents      bigint      NOT NULL CHECK (amount_cents > 0),
    currency          char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    ref_purchase_id   uuid,
    ref_pool_id       uuid,
    ref_ticket_id     uuid,
    ref_topup_id      uuid,
    ref_withdrawal_id uuid,
    ref_external_txn  text,
    actor             text,
    note              text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    posted_at         timestamptz,
    reversed_at       timestamptz,
    reversal_reason   text,
    reversed_by       text,
    CONSTRAINT wallet_ledger_status_times CHECK (
        (status = 'PENDING' AND posted_at IS NULL AND reversed_at IS NULL) OR
        (status = 'POSTED' AND posted_at IS NOT NULL AND reversed_at IS NULL) OR
        (status = 'REVERSED' AND reversed_at IS NOT NULL AND reversal_reason IS NOT NULL)),
    CONSTRAINT wallet_ledger_reason_refs CHECK (
        (reason = 'TICKET_PURCHASE' AND direction = 'DEBIT' AND ref_purchase_id IS NOT NULL) OR
        (reason = 'REFUND' AND direction = 'CREDIT' AND ref_purchase_id IS NOT NULL) OR
        (reason = 'PRIZE_PAYOUT' AND direction = 'CREDIT' AND ref_pool_id IS NOT NULL AND ref_ticket_id IS NOT NULL) OR
        (reason = 'TOPUP' AND direction = 'CREDIT' AND ref_topup_id IS NOT NULL) OR
        (reason = 'WITHDRAWAL' AND direction = 'DEBIT' AND ref_withdrawal_id IS NOT NULL) OR
        (reason = 'ADJUSTMENT' AND coalesce(btrim(note), '') <> '' AND actor IS NOT NULL))
);

CREATE INDEX wallet_ledger_wallet_created ON wallet_ledger (wallet_id, created_at);
CREATE INDEX wallet_ledger_wallet_entry ON wallet_ledger (wallet_id, entry_id);

-- Each money movement happens once per reference, whatever its status.
CREATE UNIQUE INDEX wallet_ledger_one_capture ON wallet_ledger (ref_purchase_id) WHERE reason = 'TICKET_PURCHASE';
CREATE UNIQUE INDEX wallet_ledger_one_refund ON wallet_ledger (ref_purchase_id) WHERE reason = 'REFUND';
CREATE UNIQUE INDEX wallet_ledger_one_payout ON wallet_ledger (ref_pool_id, ref_ticket_id) WHERE reason = 'PRIZE_PAYOUT';
CREATE UNIQUE INDEX wallet_ledger_one_topup ON wallet_ledger (ref_topup_id) WHERE reason = 'TOPUP';
CREATE UNIQUE INDEX wallet_ledger_one_withdrawal ON wallet_ledger (ref_withdrawal_id) WHERE reason = 'WITHDRAWAL';

-- The ledger is append-only: no DELETE, no TRUNCATE, and an UPDATE may only move the status
-- PENDING -> POSTED, PENDING -> REVERSED or POSTED -> REVERSED, setting the matching timestamps.
CREATE FUNCTION wallet_ledger_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' THEN
        RAISE EXCEPTION 'wallet_ledger is append-only: % refused', TG_OP USING ERRCODE = 'raise_exception';
    END IF;
    IF (NEW.entry_id, NEW.wallet_id, NEW.direction, NEW.reason, NEW.amount_cents, NEW.currency,
        NEW.ref_purchase_id, NEW.ref_pool_id, NEW.ref_ticket_id, NEW.ref_topup_id, NEW.ref_withdrawal_id,
        NEW.ref_external_txn, NEW.actor, NEW.note, NEW.created_at)
       IS DISTINCT FROM
       (OLD.entry_id, OLD.wallet_id, OLD.direction, OLD.reason, OLD.amount_cents, OLD.currency,
        OLD.ref_purchase_id, OLD.ref_pool_id, OLD.ref_ticket_id, OLD.ref_topup_id, OLD.ref_withdrawal_id,
        OLD.ref_external_txn, OLD.actor, OLD.note, OLD.created_at) THEN
        RAISE EXCEPTION 'wallet_ledger entry %: only its status may change', OLD.entry_id USING ERRCODE = 'raise_exception';
    END IF;
    IF NOT ((OLD.status = 'PENDING' AND NEW.status IN ('POSTED', 'REVERSED')) OR
            (OLD.status = 'POSTED' AND NEW.status = 'REVERSED')) THEN
        RAISE EXCEPTION 'wallet_ledger entry %: status % -> % refused', OLD.entry_id, OLD.status, NEW.status
            USING ERRCODE = 'raise_exception';
    END IF;
    IF NEW.status = 'REVERSED' AND NEW.posted_at IS DISTINCT FROM OLD.posted_at THEN
        RAISE EXCEPTION 'wallet_ledger entry %: posted_at may not change on reversal', OLD.entry_id
            USING ERRCODE = 'raise_exception';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER wallet_ledger_append_only BEFORE UPDATE OR DELETE ON wallet_ledger
    FOR EACH ROW EXECUTE FUNCTION wallet_ledger_guard();
CREATE TRIGGER wallet_ledger_no_truncate BEFORE TRUNCATE ON wallet_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION wallet_ledger_guard();
