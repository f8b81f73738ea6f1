-- Purchases of tickets (ENTRY), boosts (BOOST) and retries (RETRY): the api owns the payment
-- side of the saga. A purchase is PENDING until paid (wallet hold or provider webhook), then
-- CONFIRMED (ticketing issues its ticket) or FAILED; a CONFIRMED purchase that ticketing
-- rejects, or whose ticket is voided, ends REFUNDED. FAILED and REFUNDED are terminal.
CREATE TABLE purchase (
    purchase_id      uuid        PRIMARY KEY,               -- v7: insert order
    user_id          uuid        NOT NULL,
    pool_id          uuid        NOT NULL,                  -- ticketing's pool (no FK across schemas)
    type             text        NOT NULL CHECK (type IN ('ENTRY', 'BOOST', 'RETRY')),
    ticket_id        uuid,                                  -- BOOST: the ticket to boost
    losing_ticket_id uuid,                                  -- RETRY: the losing ticket
    status           text        NOT NULL DEFAULT 'PENDING'
                                 CHECK (status IN ('PENDING', 'CONFIRMED', 'FAILED', 'REFUNDED')),
    amount_cents     bigint      NOT NULL CHECK (amount_cents > 0),
    currency         char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    payment_method   text        NOT NULL CHECK (payment_method IN ('provider', 'wallet')),
    provider         text,
    provider_txn_id  text,
    issued_ticket_id uuid,                                  -- the ticket issued or boosted for it
    failure_reason   text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((type = 'BOOST') = (ticket_id IS NOT NULL)),
    CHECK ((type = 'RETRY') = (losing_ticket_id IS NOT NULL)),
    CHECK ((payment_method = 'provider') = (provider IS NOT NULL)),
    CHECK (provider_txn_id IS NULL OR provider IS NOT NULL)
);

-- A provider transaction pays for one purchase only.
CREATE UNIQUE INDEX purchase_provider_txn ON purchase (provider, provider_txn_id)
    WHERE provider_txn_id IS NOT NULL;

-- The caller's list pages by purchase_id (a v7 UUID: creation order), optionally per pool or status.
CREATE INDEX purchase_user ON purchase (user_id, purchase_id);
