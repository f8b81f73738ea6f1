-- Who decides a purchase's payment, and when a wallet hold may no longer confirm it.
--
-- settled_txn_id: the provider transaction bound to a card-paid purchase when a verified
-- webhook (or the service role's PUT) names both the purchase and the transaction. Only this
-- binding is unique per provider. provider_txn_id stays as the client's hint: a client can
-- send any id, so it must never block another purchase (the old unique index let one buyer
-- squat another's transaction and make its genuine webhook answer 409 forever).
ALTER TABLE purchase ADD COLUMN settled_txn_id text;

-- A settled purchase of the old schema was bound through provider_txn_id, which was unique.
UPDATE purchase SET settled_txn_id = provider_txn_id
WHERE payment_method = 'provider' AND status <> 'PENDING' AND provider_txn_id IS NOT NULL;

CREATE UNIQUE INDEX purchase_settled_txn ON purchase (provider, settled_txn_id)
    WHERE settled_txn_id IS NOT NULL;
DROP INDEX purchase_provider_txn;

ALTER TABLE purchase ADD CONSTRAINT purchase_settled_txn_provider
    CHECK (settled_txn_id IS NULL OR payment_method = 'provider');

-- hold_expires_at: a wallet-paid purchase's hold deadline, on the database clock. The api
-- alone decides expiry: still PENDING then, the purchase fails (hold-expired) in one guarded
-- statement and the wallet releases its hold on purchase.failed.
ALTER TABLE purchase ADD COLUMN hold_expires_at timestamptz;

UPDATE purchase SET hold_expires_at = created_at + interval '10 minutes'
WHERE payment_method = 'wallet';

ALTER TABLE purchase ADD CONSTRAINT purchase_hold_deadline
    CHECK ((payment_method = 'wallet') = (hold_expires_at IS NOT NULL));

-- The expiry sweep reads the PENDING wallet purchases by deadline.
CREATE INDEX purchase_hold_deadline_pending ON purchase (hold_expires_at)
    WHERE status = 'PENDING' AND hold_expires_at IS NOT NULL;
