package app

import (
	"context"
	"errors"
	"slices"

	"tickup.dev/services/wallet/internal/domain"
)

// ListLedger lists the user's entries newest first, limit at a time after the entry cursor
// names (0 = from the newest), optionally of one reason.
type ListLedger struct{ deps }

// Handle returns one page of userID's ledger and the cursor of the next (0 on the last).
func (h ListLedger) Handle(ctx context.Context, userID, reason string, cursor int64, limit int) ([]domain.Entry, int64, error) {
	if reason != "" && !slices.Contains(domain.Reasons(), reason) {
		return nil, 0, &domain.ValidationError{Fields: map[string]string{"reason": "must be one of TOPUP, TICKET_PURCHASE, REFUND, PRIZE_PAYOUT, ADJUSTMENT, WITHDRAWAL"}}
	}
	acct, err := h.store.Account(ctx, "user_id", userID)
	if errors.Is(err, domain.ErrNotFound) {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, err
	}
	entries, err := h.store.Entries(ctx, acct.WalletID, reason, cursor, limit+1)
	if err != nil || len(entries) <= limit {
		return entries, 0, err
	}
	return entries[:limit], entries[limit-1].EntryID, nil
}
