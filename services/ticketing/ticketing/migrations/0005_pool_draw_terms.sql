-- The draw terms the draw service fixed with the pool's commitment:
-- {"winners_count": k, "beacon": null | {"chain_hash", "round_rule"}}, shown beside
-- draw_commitment before any sale. NULL only for pools created before terms existed.
ALTER TABLE raffle_pool ADD COLUMN draw_terms jsonb,
    ADD CONSTRAINT raffle_pool_draw_terms_shape CHECK (draw_terms IS NULL OR (
        jsonb_typeof(draw_terms -> 'winners_count') = 'number'
        AND (draw_terms ->> 'winners_count')::int = winners_count
        AND draw_terms ? 'beacon' AND jsonb_typeof(draw_terms -> 'beacon') IN ('null', 'object')
    )
);

-- The commitment, the terms and the number of winners they fix never change once the
-- pool exists: a draw checked against them could otherwise be steered after the sale.
CREATE FUNCTION raffle_pool_draw_terms_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.draw_commitment IS DISTINCT FROM OLD.draw_commitment
        OR NEW.draw_terms IS DISTINCT FROM OLD.draw_terms
        OR NEW.winners_count IS DISTINCT FROM OLD.winners_count THEN
        RAISE EXCEPTION 'raffle_pool %: the draw commitment and terms are fixed when the pool is created', OLD.pool_id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER raffle_pool_draw_terms_fixed BEFORE UPDATE OF draw_commitment, draw_terms, winners_count ON raffle_pool
    FOR EACH ROW EXECUTE FUNCTION raffle_pool_draw_terms_fixed();
