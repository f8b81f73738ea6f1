-- Prizes put up by sponsors. stock counts the units no pool has reserved yet: a pool
-- reserves winners_count units when it is created and a cancellation returns them.
CREATE TABLE prize (
    prize_id         uuid        PRIMARY KEY,
    title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description      text        NOT NULL DEFAULT '',
    value_cents      bigint      NOT NULL CHECK (value_cents >= 0),
    currency         char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    stock            integer     NOT NULL CHECK (stock >= 0),
    kind             text        NOT NULL CHECK (kind IN ('PHYSICAL', 'CASH')),
    sponsor_name     text        NOT NULL DEFAULT '',
    sponsor_url      text        NOT NULL DEFAULT '',
    sponsor_logo_url text        NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    deleted_at       timestamptz -- kept for the pools that refer to it, hidden from reads
);
