-- A BOOST whose card payment the provider refunded or disputed while its pool was OPEN is
-- voided: it no longer counts in its ticket's weight (weight = 1 + boosts not voided) and
-- is never refunded again when the pool is cancelled (docs/architecture.md, "Card refunds
-- and disputes").
ALTER TABLE ticket_boost ADD COLUMN voided_at timestamptz;
