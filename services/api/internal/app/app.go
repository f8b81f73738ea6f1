// Package app is the api's purchase use cases: one handler type per command or query, each
// command loading
// the purchase through the repositories declared here, asking the saga's rule
// (domain/purchase.Next) what follows, and saving the purchase with the events it causes in
// one transaction (docs/architecture.md, "The purchase saga").
package app

import (
	"log/slog"
	"time"
)

// Application lists the api's purchase use cases.
type Application struct {
	Commands Commands
	Queries  Queries
}

// Queries read purchases and payment cases.
type Queries struct {
	GetPurchase      GetPurchase
	ListPurchases    ListPurchases
	ListPaymentCases ListPaymentCases
}

// Commands change purchases.
type Commands struct {
	CreatePurchase     CreatePurchase     // POST /purchases
	AdvanceSaga        AdvanceSaga        // the wallet's and ticketing's answers, card payment webhooks
	SettlePurchase     SettlePurchase     // PUT /purchases/{id}
	RecordCardReversal RecordCardReversal // card refund and dispute webhooks
	ExpireHolds        ExpireHolds        // the hold expiry sweeper
}

// New returns the application: commands run in transactions of tx, queries read through
// reads; holdTTL is a wallet-paid purchase's hold deadline after its creation
// (DefaultHoldTTL when zero).
func New(tx Transactor, reads Reads, holdTTL time.Duration, log *slog.Logger) *Application {
	if holdTTL == 0 {
		holdTTL = DefaultHoldTTL
	}
	saga := AdvanceSaga{log: log}
	return &Application{Commands: Commands{
		CreatePurchase:     CreatePurchase{tx: tx, holdTTL: holdTTL},
		AdvanceSaga:        saga,
		SettlePurchase:     SettlePurchase{tx: tx, saga: saga},
		RecordCardReversal: RecordCardReversal{log: log},
		ExpireHolds:        ExpireHolds{tx: tx, log: log},
	}, Queries: Queries{
		GetPurchase:      GetPurchase{reads: reads.Purchases},
		ListPurchases:    ListPurchases{reads: reads.Purchases},
		ListPaymentCases: ListPaymentCases{reads: reads.Cases},
	}}
}
