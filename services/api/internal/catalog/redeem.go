package catalog

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/purchases"
	"tickup.dev/services/api/internal/validate"
)

// redeemRequest is the body of POST /tickets (the seed's redeem).
type redeemRequest struct {
	PoolID     string  `json:"pool_id" format:"uuid"`
	PurchaseID string  `json:"purchase_id" format:"uuid" doc:"Your confirmed ENTRY purchase in this pool."`
	UserID     *string `json:"user_id,omitempty" format:"uuid" doc:"Optional; must be your own id (admins and services may act for anyone)."`
}

// redeem answers POST /tickets: the ticket of the caller's confirmed ENTRY purchase in the
// pool (200), or the purchase while its ticket is being issued (202). It only ever reads:
// tickets are issued by ticketing, once per purchase, when the purchase is confirmed.
func (m *Module) redeem(c *gin.Context) {
	p, err := m.redeemable(c)
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	t, issued, err := m.ticketOf(c.Request.Context(), p)
	switch {
	case err != nil:
		problem.Fail(c, m.log, problem.FromRPC(err))
	case issued:
		httpapi.JSON(c, http.StatusOK, t)
	default:
		c.Header("Location", strings.TrimSuffix(c.FullPath(), "/tickets")+"/purchases/"+p.PurchaseID)
		c.JSON(http.StatusAccepted, p)
	}
}

// redeemable reads the request and returns its purchase once it is the acting user's
// confirmed ENTRY purchase in the named pool.
func (m *Module) redeemable(c *gin.Context) (purchases.Purchase, error) {
	var req redeemRequest
	if err := problem.DecodeJSON(c, &req, httpapi.DefaultMaxBodyBytes); err != nil {
		return purchases.Purchase{}, err
	}
	caller, _ := auth.FromContext(c)
	userID, err := validate.ActingUser(caller, req.UserID)
	if err != nil {
		return purchases.Purchase{}, err
	}
	var chk validate.Checker
	chk.UUID("pool_id", req.PoolID)
	chk.UUID("purchase_id", req.PurchaseID)
	if err := chk.Err(); err != nil {
		return purchases.Purchase{}, err
	}
	p, err := m.purchases.Get(c.Request.Context(), strings.ToLower(req.PurchaseID))
	if errors.Is(err, purchases.ErrNotFound) || (err == nil && p.UserID != userID) {
		return p, purchases.NotFound()
	}
	if err != nil {
		return p, err
	}
	return p, checkRedeemable(p, strings.ToLower(req.PoolID))
}

// checkRedeemable refuses a purchase of another pool or type (422) and one that is not,
// or no longer, paid (409).
func checkRedeemable(p purchases.Purchase, poolID string) error {
	if p.PoolID != poolID {
		return fieldProblem("pool_id", "is not the pool of this purchase")
	}
	if p.Type != events.PurchaseEntry {
		return fieldProblem("purchase_id", "is not an ENTRY purchase")
	}
	switch p.Status {
	case purchases.StatusPending:
		return problem.NewError(problem.KindConflict, "purchase-not-confirmed", "The purchase is not paid yet.")
	case purchases.StatusFailed:
		return problem.NewError(problem.KindConflict, "purchase-failed", "The purchase failed: "+p.FailureReason+".")
	case purchases.StatusRefunded:
		return problem.NewError(problem.KindConflict, "purchase-refunded", "The purchase was refunded: "+p.FailureReason+".")
	case purchases.StatusDisputed:
		return problem.NewError(problem.KindConflict, "purchase-disputed", "The card payment of the purchase is disputed.")
	}
	return nil
}

// ticketOf returns the ticket issued for a confirmed purchase; false while ticketing has
// not decided yet. A purchase ticketing rejected is a 409 (its refund is under way).
func (m *Module) ticketOf(ctx context.Context, p purchases.Purchase) (ticketingrpc.Ticket, bool, error) {
	if p.IssuedTicketID != "" {
		t, err := m.ticketing.GetTicket(ctx, ticketingrpc.TicketRequest{TicketID: p.IssuedTicketID})
		return t, err == nil, err
	}
	out, err := m.ticketing.TicketByPurchase(ctx, p.PurchaseID)
	switch {
	case err != nil:
		return ticketingrpc.Ticket{}, false, err
	case out.Status == ticketingrpc.PurchaseIssued && out.Ticket != nil:
		return *out.Ticket, true, nil
	case out.Status == ticketingrpc.PurchaseRejected:
		return ticketingrpc.Ticket{}, false, problem.NewError(problem.KindConflict, "purchase-rejected",
			fmt.Sprintf("No ticket could be issued (%s); the purchase is being refunded.", out.Reason))
	}
	return ticketingrpc.Ticket{}, false, nil
}

// fieldProblem is a 422 about one field.
func fieldProblem(field, message string) error {
	return &problem.Error{Kind: problem.KindInvalid, Code: problem.SlugValidation,
		Detail: fmt.Sprintf("Field %q %s.", field, message), Fields: []problem.FieldError{{Field: field, Message: message}}}
}
