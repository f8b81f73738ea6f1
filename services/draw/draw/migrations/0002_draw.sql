-- A full pool waiting for its draw. One row per pool: a second pool.full changes nothing.
-- beacon_round is fixed here, before anyone can know its randomness, and never changes.
CREATE TABLE draw_request (
    pool_id         uuid        PRIMARY KEY,
    full_at         timestamptz NOT NULL,
    beacon_round    bigint      CHECK (beacon_round > 0),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text        NOT NULL DEFAULT '',
    drawn_at        timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX draw_request_due ON draw_request (next_attempt_at) WHERE drawn_at IS NULL;

-- One drawn pool (tickup-draw-v1). The seed is the pool's row in pool_seed; proof holds the
-- exact published proof document and proof_hash its SHA-256.
CREATE TABLE draw (
    draw_id           uuid        PRIMARY KEY,
    pool_id           uuid        NOT NULL UNIQUE REFERENCES pool_seed (pool_id),
    algorithm         text        NOT NULL CHECK (algorithm = 'tickup-draw-v1'),
    commitment        bytea       NOT NULL CHECK (length(commitment) = 32),
    tickets_hash      bytea       NOT NULL CHECK (length(tickets_hash) = 32),
    n                 bigint      NOT NULL CHECK (n > 0),
    winners_count     integer     NOT NULL CHECK (winners_count BETWEEN 1 AND n),
    beacon_round      bigint      CHECK (beacon_round > 0),
    beacon_randomness bytea       CHECK (length(beacon_randomness) = 32),
    beacon_signature  bytea,
    s                 bytea       NOT NULL CHECK (length(s) = 32),
    words_used        bigint      NOT NULL CHECK (words_used >= winners_count),
    proof             bytea       NOT NULL,
    proof_hash        text        NOT NULL CHECK (proof_hash ~ '^[0-9a-f]{64}$'),
    prize_id          uuid        NOT NULL,
    prize_title       text        NOT NULL,
    prize_kind        text        NOT NULL,
    prize_value_cents bigint      NOT NULL CHECK (prize_value_cents >= 0),
    currency          char(3)     NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((beacon_round IS NULL) = (beacon_randomness IS NULL))
);

-- The frozen ticket list the draw used, in ticket order.
CREATE TABLE draw_ticket (
    draw_id     uuid   NOT NULL REFERENCES draw (draw_id),
    ticket_num  bigint NOT NULL CHECK (ticket_num > 0),
    ticket_id   uuid   NOT NULL,
    user_id     uuid   NOT NULL,
    participant text   NOT NULL CHECK (participant ~ '^[0-9a-f]{16}$'),
    weight      bigint NOT NULL CHECK (weight > 0),
    PRIMARY KEY (draw_id, ticket_num),
    UNIQUE (draw_id, ticket_id)
);

-- The winners, tier 1 first.
CREATE TABLE draw_winner (
    draw_id     uuid    NOT NULL REFERENCES draw (draw_id),
    tier        integer NOT NULL CHECK (tier > 0),
    ticket_id   uuid    NOT NULL,
    ticket_num  bigint  NOT NULL,
    user_id     uuid    NOT NULL,
    participant text    NOT NULL,
    PRIMARY KEY (draw_id, tier),
    UNIQUE (draw_id, ticket_num),
    FOREIGN KEY (draw_id, ticket_num) REFERENCES draw_ticket (draw_id, ticket_num)
);

-- A draw and the seed it revealed are never changed or removed.
CREATE FUNCTION draw_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END $$;
CREATE TRIGGER pool_seed_append_only BEFORE UPDATE OR DELETE ON pool_seed
    FOR EACH ROW EXECUTE FUNCTION draw_append_only();
CREATE TRIGGER draw_append_only BEFORE UPDATE OR DELETE ON draw
    FOR EACH ROW EXECUTE FUNCTION draw_append_only();
CREATE TRIGGER draw_ticket_append_only BEFORE UPDATE OR DELETE ON draw_ticket
    FOR EACH ROW EXECUTE FUNCTION draw_append_only();
CREATE TRIGGER draw_winner_append_only BEFORE UPDATE OR DELETE ON draw_winner
    FOR EACH ROW EXECUTE FUNCTION draw_append_only();
