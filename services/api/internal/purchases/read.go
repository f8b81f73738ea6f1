package purchases

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/app"
	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/paging"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/validate"
)

// keyset is the position of a purchase in the list order.
type keyset struct {
	PurchaseID string `json:"p"`
}

// list answers GET /purchases: the caller's purchases, optionally of one pool or status.
func (m *Module) list(c *gin.Context) {
	f, page, err := listFilter(c)
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	found, err := m.app.Queries.ListPurchases.Handle(c.Request.Context(), f, page.Limit+1)
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	rows := make([]Purchase, len(found))
	for i, p := range found {
		rows[i] = fromDomain(p)
	}
	out, err := paging.NewList(rows, page, func(p Purchase) keyset { return keyset{p.PurchaseID} })
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	c.JSON(http.StatusOK, out)
}

// listFilter reads the list's query parameters; a bad one is a 422 naming it.
func listFilter(c *gin.Context) (app.PurchaseFilter, paging.Page, error) {
	page, err := paging.FromQuery(c)
	if err != nil {
		return app.PurchaseFilter{}, page, err
	}
	caller, _ := auth.FromContext(c)
	f := app.PurchaseFilter{UserID: caller.UserID, PoolID: lower(c.Query("pool_id")), Status: c.Query("status")}
	var chk validate.Checker
	if f.PoolID != "" {
		chk.UUID("pool_id", f.PoolID)
	}
	if f.Status != "" {
		chk.OneOf("status", f.Status, StatusPending, StatusConfirmed, StatusFailed, StatusRefunded, StatusDisputed)
	}
	var after keyset
	if ok, err := page.After(&after); err != nil {
		return f, page, err
	} else if ok {
		chk.Check(validate.IsUUID(after.PurchaseID), "cursor", "is not a cursor this API issued")
		f.AfterID = after.PurchaseID
	}
	return f, page, chk.Err()
}

// get answers GET /purchases/{id}; someone else's purchase is not found.
func (m *Module) get(c *gin.Context) {
	p, err := m.visible(c)
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	c.JSON(http.StatusOK, p)
}

// visible returns the purchase of the path's id if the caller may see it (their own, or
// anyone's for admins and services), else a 404.
func (m *Module) visible(c *gin.Context) (Purchase, error) {
	id, err := validate.PathUUID(c, "id")
	if err != nil {
		return Purchase{}, err
	}
	p, err := m.app.Queries.GetPurchase.Handle(c.Request.Context(), id)
	caller, _ := auth.FromContext(c)
	if errors.Is(err, app.ErrNotFound) || (err == nil && !caller.MayActFor(p.UserID)) {
		return Purchase{}, NotFound()
	}
	return fromDomain(p), err
}

// NotFound is the 404 for a purchase that does not exist or is someone else's.
func NotFound() error {
	return problem.NewError(problem.KindNotFound, "purchase-not-found", "No purchase of yours has this id.")
}
