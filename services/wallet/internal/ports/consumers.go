package ports

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/inbox"
	"tickup.dev/services/wallet/internal/adapters"
	"tickup.dev/services/wallet/internal/app"
	"tickup.dev/services/wallet/internal/domain"
)

// Durable consumer names, one per stream the wallet reads; replicas share them.
const (
	DurableAPI       = "wallet-api"
	DurableTicketing = "wallet-ticketing"
	DurableDraw      = "wallet-draw"
)

// Consumer is one durable consumer and the handler of its batches.
type Consumer struct {
	Spec    bus.ConsumerSpec
	Handler bus.BatchHandler
}

// Consumers returns the wallet's three consumers over the service's database.
func Consumers(gdb *gorm.DB, a *app.App, log *slog.Logger) []Consumer {
	r := routes(a)
	mk := func(stream, durable string, types ...events.Type) Consumer {
		spec := bus.ConsumerSpec{Stream: stream, Durable: durable, FilterSubjects: events.Filters(types...)}
		return Consumer{Spec: spec, Handler: (&batchHandler{db: gdb, name: durable, routes: r, log: log}).handle}
	}
	return []Consumer{
		mk(events.StreamAPI, DurableAPI, events.TypePurchaseCreated, events.TypePurchaseConfirmed,
			events.TypePurchaseFailed, events.TypeTopupProcessing, events.TypeTopupSucceeded, events.TypeTopupFailed,
			events.TypeWithdrawalSucceeded, events.TypeWithdrawalFailed),
		mk(events.StreamTicketing, DurableTicketing, events.TypeTicketIssued, events.TypeTicketBoosted,
			events.TypeTicketRejected, events.TypeTicketVoided),
		mk(events.StreamDraw, DurableDraw, events.TypeDrawCompleted),
	}
}

// batchHandler handles a batch in one transaction: the messages are claimed in the inbox
// (a message handled before is skipped), the wallets they touch are locked in user id order
// (so concurrent batches cannot deadlock), then each message runs in delivery order.
type batchHandler struct {
	db     *gorm.DB
	name   string
	routes map[string]decoder
	log    *slog.Logger
}

func (h *batchHandler) handle(ctx context.Context, batch []bus.Delivery) error {
	return h.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		fresh, err := inbox.ClaimBatch(ctx, tx, h.name, ids(batch))
		if err != nil {
			return err
		}
		jobs, err := h.decode(batch, fresh)
		if err != nil {
			return err
		}
		st := adapters.Bind(tx)
		if err := st.LockUsers(ctx, usersOf(jobs)); err != nil {
			return err
		}
		for _, j := range jobs {
			if err := j.run(ctx, st); err != nil {
				return classify(fmt.Errorf("%s: %s %s: %w", h.name, j.typ, j.id, err))
			}
		}
		return nil
	})
}

// decode turns the batch's fresh messages into jobs, each message once.
func (h *batchHandler) decode(batch []bus.Delivery, fresh map[string]bool) ([]job, error) {
	jobs := make([]job, 0, len(batch))
	for _, d := range batch {
		if !fresh[d.ID] {
			continue
		}
		delete(fresh, d.ID) // a message id twice in one batch is still handled once
		dec, ok := h.routes[d.Type]
		if !ok {
			return nil, bus.Poison(fmt.Errorf("%s: no handler for event type %q on %s", h.name, d.Type, d.Subject))
		}
		j, err := dec(d.Data)
		if err != nil {
			return nil, bus.Poison(fmt.Errorf("%s: decode %s %s: %w", h.name, d.Type, d.ID, err))
		}
		j.typ, j.id = d.Type, d.ID
		jobs = append(jobs, j)
	}
	return jobs, nil
}

// classify marks errors no retry can fix as poison, for the dead-letter stream.
func classify(err error) error {
	if errors.Is(err, domain.ErrInconsistent) {
		return bus.Poison(err)
	}
	return err
}

func ids(batch []bus.Delivery) []string {
	out := make([]string, len(batch))
	for i, d := range batch {
		out[i] = d.ID
	}
	return out
}

func usersOf(jobs []job) []string {
	var out []string
	for _, j := range jobs {
		out = append(out, j.users...)
	}
	return out
}
