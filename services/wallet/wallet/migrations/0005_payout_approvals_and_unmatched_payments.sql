-- Payouts need two people: who asked for a withdrawal is recorded, and whoever approves it
-- is neither that person nor the wallet's owner. Provider reports that cannot apply to the
-- request they name are kept as unmatched payments until an operator resolves them.

ALTER TABLE wallet_withdrawal_request ADD COLUMN requested_by text;
-- Before this migration only owners (or admins, unrecorded) asked; the owner is the best record.
UPDATE wallet_withdrawal_request SET requested_by = user_id::text WHERE requested_by IS NULL;
ALTER TABLE wallet_withdrawal_request ALTER COLUMN requested_by SET NOT NULL;
ALTER TABLE wallet_withdrawal_request ADD CONSTRAINT wallet_withdrawal_requested_by CHECK (requested_by <> '');

-- NULL on withdrawals approved before this migration (decided_by records those).
ALTER TABLE wallet_withdrawal_request ADD COLUMN approved_by text;
ALTER TABLE wallet_withdrawal_request ADD CONSTRAINT wallet_withdrawal_second_approver CHECK (
    approved_by IS NULL OR (approved_by <> requested_by AND approved_by <> user_id::text));

CREATE TABLE unmatched_payment (
    unmatched_id      uuid        PRIMARY KEY,
    kind              text        NOT NULL CHECK (kind IN ('TOPUP', 'WITHDRAWAL')),
    ref_id            uuid        NOT NULL, -- the topup_id or withdrawal_id the provider named
    wallet_id         uuid        REFERENCES wallet_account (wallet_id), -- NULL: no such request
    outcome           text        NOT NULL CHECK (outcome IN ('PROCESSING', 'SUCCEEDED', 'FAILED')),
    provider          text        NOT NULL,
    provider_txn_id   text        NOT NULL DEFAULT '',
    provider_event_id text        NOT NULL DEFAULT '',
    amount_cents      bigint      NOT NULL, -- as reported
    currency          text        NOT NULL, -- as reported
    reason            text        NOT NULL CHECK (reason <> ''),
    status            text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED')),
    resolved_by       text,
    resolution        text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    resolved_at       timestamptz,
    CONSTRAINT unmatched_payment_resolved CHECK (
        (status = 'RESOLVED') = (resolved_by IS NOT NULL AND resolution IS NOT NULL AND resolved_at IS NOT NULL)),
    -- A redelivered report (a new message or event id for the same transaction) is kept once.
    CONSTRAINT unmatched_payment_once UNIQUE (kind, ref_id, outcome, provider, provider_txn_id)
);

CREATE INDEX unmatched_payment_status ON unmatched_payment (status, unmatched_id);
