-- Tickets, numbered 1..tickets_sold per pool; one per purchase. amount_cents, currency and
-- payment_method are the purchase's, kept so a voided ticket can be refunded.
CREATE TABLE ticket (
    ticket_id          uuid        PRIMARY KEY, -- UUIDv7
    pool_id            uuid        NOT NULL REFERENCES raffle_pool (pool_id),
    ticket_num         integer     NOT NULL CHECK (ticket_num >= 1),
    user_id            uuid        NOT NULL,
    purchase_id        uuid        NOT NULL UNIQUE,
    weight             integer     NOT NULL DEFAULT 1 CHECK (weight >= 1),
    source             text        NOT NULL CHECK (source IN ('ENTRY', 'RETRY')),
    retry_of_ticket_id uuid        UNIQUE REFERENCES ticket (ticket_id), -- a losing ticket is retried once
    amount_cents       bigint      NOT NULL CHECK (amount_cents >= 0),
    currency           char(3)     NOT NULL,
    payment_method     text        NOT NULL,
    outcome            text        CHECK (outcome IN ('WON', 'LOST')),   -- set when the pool is drawn
    voided_at          timestamptz,                                       -- set when the pool is cancelled
    created_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (pool_id, ticket_num),
    CHECK ((source = 'RETRY') = (retry_of_ticket_id IS NOT NULL))
);

CREATE INDEX ticket_by_user ON ticket (user_id, ticket_id);
CREATE INDEX ticket_by_pool_user ON ticket (pool_id, user_id);

-- BOOST purchases applied to a ticket: the primary key applies each one once.
CREATE TABLE ticket_boost (
    purchase_id    uuid        PRIMARY KEY,
    ticket_id      uuid        NOT NULL REFERENCES ticket (ticket_id),
    pool_id        uuid        NOT NULL REFERENCES raffle_pool (pool_id),
    user_id        uuid        NOT NULL,
    amount_cents   bigint      NOT NULL CHECK (amount_cents >= 0),
    currency       char(3)     NOT NULL,
    payment_method text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ticket_boost_by_pool_user ON ticket_boost (pool_id, user_id);

-- What became of every confirmed purchase, once: a redelivery under another message id
-- finds its row and gets no second outcome. The redeem endpoint reads it too.
CREATE TABLE purchase_outcome (
    purchase_id   uuid        PRIMARY KEY,
    pool_id       uuid        NOT NULL, -- may name a pool that does not exist (rejected)
    user_id       uuid        NOT NULL,
    purchase_type text        NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('ISSUED', 'BOOSTED', 'REJECTED')),
    ticket_id     uuid        REFERENCES ticket (ticket_id),
    reason        text        NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((outcome = 'REJECTED') = (ticket_id IS NULL))
);
