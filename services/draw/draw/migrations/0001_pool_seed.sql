-- The secret seed of every pool's draw (tickup-draw-v1), made when the pool is created.
-- Its SHA-256, the commitment, is published on the pool before any ticket is sold.
CREATE TABLE pool_seed (
    pool_id    uuid        PRIMARY KEY,
    seed       bytea       NOT NULL CHECK (length(seed) = 32),
    commitment bytea       NOT NULL CHECK (length(commitment) = 32),
    created_at timestamptz NOT NULL DEFAULT now()
);
