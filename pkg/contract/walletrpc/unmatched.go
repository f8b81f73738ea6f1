package walletrpc

import "time"

// ListUnmatchedRequest pages through unmatched payments newest first (admin); status
// (OPEN or RESOLVED) filters when set.
type ListUnmatchedRequest struct {
	Actor  string `json:"actor"`
	Status string `json:"status,omitempty"`
	Limit  int    `json:"limit,omitempty"`
	Cursor string `json:"cursor,omitempty"`
}

// ResolveUnmatchedRequest closes an OPEN unmatched payment with what the admin did about it.
type ResolveUnmatchedRequest struct {
	Actor       string `json:"actor"`
	UnmatchedID string `json:"unmatched_id"`
	Resolution  string `json:"resolution"`
}

// UnmatchedPayment is a provider report the wallet could not apply to the top-up or
// withdrawal it names: OPEN until an operator resolves it.
type UnmatchedPayment struct {
	UnmatchedID     string     `json:"unmatched_id"`
	Kind            string     `json:"kind"` // TOPUP or WITHDRAWAL
	RefID           string     `json:"ref_id"`
	WalletID        string     `json:"wallet_id,omitempty"`
	Outcome         string     `json:"outcome"` // PROCESSING, SUCCEEDED or FAILED
	Provider        string     `json:"provider"`
	ProviderTxnID   string     `json:"provider_txn_id,omitempty"`
	ProviderEventID string     `json:"provider_event_id,omitempty"`
	AmountCents     int64      `json:"amount_cents"`
	Currency        string     `json:"currency"`
	Reason          string     `json:"reason"`
	Status          string     `json:"status"` // OPEN or RESOLVED
	ResolvedBy      string     `json:"resolved_by,omitempty"`
	Resolution      string     `json:"resolution,omitempty"`
	CreatedAt       time.Time  `json:"created_at"`
	ResolvedAt      *time.Time `json:"resolved_at,omitempty"`
}

// UnmatchedPage is one page of unmatched payments; NextCursor is empty on the last page.
type UnmatchedPage struct {
	Items      []UnmatchedPayment `json:"items"`
	NextCursor string             `json:"next_cursor,omitempty"`
}
