-- Refunds and reversals read every entry of a purchase (its capture and refunds) to give back
-- at most what was taken; the unique indexes of 0001 are partial per reason, so they cannot.
CREATE INDEX wallet_ledger_purchase ON wallet_ledger (ref_purchase_id) WHERE ref_purchase_id IS NOT NULL;

-- No action, admin or system, moves a wallet's cached balance below zero (the application
-- refuses it first with a problem; this is the last line). A wallet an older release left
-- negative may still be credited back towards zero.
CREATE FUNCTION wallet_account_balance_floor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.balance_cents < 0 AND NEW.balance_cents < OLD.balance_cents THEN
        RAISE EXCEPTION 'wallet_account %: balance % -> % refused: a balance never goes below zero',
            OLD.wallet_id, OLD.balance_cents, NEW.balance_cents USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER wallet_account_balance_floor BEFORE UPDATE OF balance_cents ON wallet_account
    FOR EACH ROW EXECUTE FUNCTION wallet_account_balance_floor();
