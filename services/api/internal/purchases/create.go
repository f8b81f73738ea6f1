package purchases

import (
	"context"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/domain/purchase"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/validate"
)

// create answers POST /purchases: the pool must be OPEN and sell the type; the amount and
// currency are the pool's; the purchase is stored PENDING with its purchase.created event.
func (m *Module) create(c *gin.Context) {
	p, err := m.newPurchase(c)
	if err == nil {
		p, err = m.app.Commands.CreatePurchase.Handle(c.Request.Context(), p)
	}
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	c.Header("Location", c.FullPath()+"/"+p.ID)
	c.JSON(http.StatusAccepted, fromDomain(p))
}

// newPurchase reads and checks the request against the caller and the pool.
func (m *Module) newPurchase(c *gin.Context) (purchase.Purchase, error) {
	var req createRequest
	if err := problem.DecodeJSON(c, &req, httpapi.DefaultMaxBodyBytes); err != nil {
		return purchase.Purchase{}, err
	}
	caller, _ := auth.FromContext(c)
	userID, err := validate.ActingUser(caller, req.UserID)
	if err != nil {
		return purchase.Purchase{}, err
	}
	if req, err = req.normalise(); err != nil {
		return purchase.Purchase{}, err
	}
	ctx := c.Request.Context()
	pool, err := m.pools.get(ctx, req.PoolID)
	if err != nil {
		return purchase.Purchase{}, problem.FromRPC(err)
	}
	amount, err := price(pool, req)
	if err != nil {
		return purchase.Purchase{}, err
	}
	if err := m.checkTicketRefs(ctx, req, userID); err != nil {
		return purchase.Purchase{}, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return purchase.Purchase{}, fmt.Errorf("purchase id: %w", err)
	}
	return purchase.Purchase{ID: id.String(), UserID: userID, PoolID: pool.PoolID, Type: req.Type,
		TicketID: req.TicketID, LosingTicketID: req.LosingTicketID, AmountCents: amount, Currency: pool.Currency,
		Method: req.PaymentMethod, Provider: req.Provider, ProviderTxnID: req.ProviderTxnID}, nil
}

// price is what the pool charges for the request's type: 409 unless the pool is OPEN, 422
// when it does not sell the type or the client stated another amount or currency.
func price(pool ticketingrpc.Pool, req createRequest) (int64, error) {
	if pool.State != ticketingrpc.StateOpen {
		return 0, problem.NewError(problem.KindConflict, "pool-not-open",
			fmt.Sprintf("The pool is %s: it sells nothing any more.", pool.State))
	}
	amount := pool.TicketPriceCents
	switch req.Type {
	case events.PurchaseBoost:
		if pool.BoostPriceCents == nil {
			return 0, notSold("boosts")
		}
		amount = *pool.BoostPriceCents
	case events.PurchaseRetry:
		if pool.RetryPriceCents == nil {
			return 0, notSold("retries")
		}
		amount = *pool.RetryPriceCents
	}
	if err := validate.Matches("amount_cents", req.AmountCents, amount); err != nil {
		return 0, err
	}
	return amount, validate.Matches("currency", req.Currency, pool.Currency)
}

// notSold is the 422 for a type the pool has no price for.
func notSold(what string) error {
	return &problem.Error{Kind: problem.KindUnprocessable, Code: "not-sold-in-pool",
		Detail: "This pool does not sell " + what + ".",
		Fields: []problem.FieldError{{Field: "type", Message: "this pool does not sell " + what}}}
}

// checkTicketRefs checks that a BOOST names the buyer's ticket in this pool and a RETRY
// the buyer's losing ticket; ticketing re-checks every rule when it applies the purchase.
func (m *Module) checkTicketRefs(ctx context.Context, req createRequest, userID string) error {
	switch req.Type {
	case events.PurchaseBoost:
		t, err := m.ownTicket(ctx, "ticket_id", req.TicketID, userID)
		if err == nil && t.PoolID != req.PoolID {
			err = fieldError("ticket_id", "is not a ticket of this pool")
		}
		return err
	case events.PurchaseRetry:
		t, err := m.ownTicket(ctx, "losing_ticket_id", req.LosingTicketID, userID)
		if err == nil && (t.Outcome == nil || *t.Outcome != ticketingrpc.OutcomeLost) {
			err = fieldError("losing_ticket_id", "is not a losing ticket")
		}
		return err
	}
	return nil
}

// ownTicket returns the user's ticket id, or a 422 naming field when it is not theirs.
func (m *Module) ownTicket(ctx context.Context, field, id, userID string) (ticketingrpc.Ticket, error) {
	t, err := m.ticketing.GetTicket(ctx, ticketingrpc.TicketRequest{TicketID: id, UserID: userID})
	if problem.KindOf(problem.FromRPC(err)) == problem.KindNotFound {
		return t, fieldError(field, "is not one of your tickets")
	}
	return t, problem.FromRPC(err)
}

// fieldError is a 422 about one field.
func fieldError(field, message string) error {
	return &problem.Error{Kind: problem.KindInvalid, Code: problem.SlugValidation,
		Detail: fmt.Sprintf("Field %q %s.", field, message), Fields: []problem.FieldError{{Field: field, Message: message}}}
}
