-- Pools: one prize raffled in numbered tickets. tickets_sold and the FULL transition change
-- in one guarded UPDATE (docs/architecture.md, "Invariants"); the CHECKs below keep state and counts consistent.
CREATE TABLE raffle_pool (
    pool_id              uuid        PRIMARY KEY,
    prize_id             uuid        NOT NULL REFERENCES prize (prize_id),
    ticket_price_cents   bigint      NOT NULL CHECK (ticket_price_cents > 0),
    currency             char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    tickets_required     integer     NOT NULL CHECK (tickets_required > 0),
    tickets_sold         integer     NOT NULL DEFAULT 0
                                     CHECK (tickets_sold >= 0 AND tickets_sold <= tickets_required),
    state                text        NOT NULL DEFAULT 'OPEN'
                                     CHECK (state IN ('OPEN', 'FULL', 'STARTED', 'DRAWN', 'CANCELLED')),
    max_tickets_per_user integer     CHECK (max_tickets_per_user > 0),
    boost_price_cents    bigint      CHECK (boost_price_cents > 0),     -- NULL: no boosts sold
    max_boosts_per_user  integer     NOT NULL DEFAULT 1 CHECK (max_boosts_per_user > 0),
    retry_price_cents    bigint      CHECK (retry_price_cents > 0),     -- NULL: no retries sold
    closes_at            timestamptz,
    winners_count        integer     NOT NULL DEFAULT 1
                                     CHECK (winners_count >= 1 AND winners_count <= tickets_required),
    draw_commitment      bytea       NOT NULL CHECK (length(draw_commitment) = 32),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT raffle_pool_open_has_room CHECK (state <> 'OPEN' OR tickets_sold < tickets_required),
    CONSTRAINT raffle_pool_sold_out_states CHECK (state IN ('OPEN', 'CANCELLED') OR tickets_sold = tickets_required)
);

CREATE INDEX raffle_pool_by_prize ON raffle_pool (prize_id, pool_id);
CREATE INDEX raffle_pool_by_state ON raffle_pool (state, pool_id);
CREATE INDEX raffle_pool_deadline ON raffle_pool (closes_at) WHERE state = 'OPEN' AND closes_at IS NOT NULL;
