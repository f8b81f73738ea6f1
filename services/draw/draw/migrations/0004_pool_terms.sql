-- The draw terms of each pool: {"winners_count": k, "beacon": null | {"chain_hash", "round_rule"}}.
-- Made with the seed when the pool is created, published beside the commitment and never
-- changed (pool_seed refuses UPDATE and DELETE). The draw follows them, not the service's
-- current settings. NULL only for pools committed before terms existed.
ALTER TABLE pool_seed ADD COLUMN terms jsonb CHECK (
    terms IS NULL OR (
        jsonb_typeof(terms -> 'winners_count') = 'number' AND (terms ->> 'winners_count')::int >= 1
        AND terms ? 'beacon' AND jsonb_typeof(terms -> 'beacon') IN ('null', 'object')
    )
);
