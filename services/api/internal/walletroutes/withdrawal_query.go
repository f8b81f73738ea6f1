package walletroutes

import (
	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/validate"
)

// withdrawalQuery reads the filters of GET /wallet/withdrawals: whose withdrawals (the
// caller's; ?user_id= names another user, ?all=true everyone, both for admins only) and
// ?status=.
func withdrawalQuery(c *httpapi.Call, who auth.Identity) (walletrpc.ListWithdrawalsRequest, error) {
	var req walletrpc.ListWithdrawalsRequest
	var chk validate.Checker
	if status, ok := c.Query("status"); ok {
		chk.OneOf("status", status, withdrawalStates...)
		req.Status = status
	}
	all := false
	if raw, ok := c.Query("all"); ok {
		chk.OneOf("all", raw, "true", "false")
		all = raw == "true"
	}
	named, hasUser := c.Query("user_id")
	chk.Check(!(all && hasUser), "all", "cannot be combined with user_id")
	if err := chk.Err(); err != nil {
		return req, err
	}
	if all {
		if who.Role != auth.RoleAdmin {
			return req, problem.NewError(problem.KindForbidden, problem.SlugForbidden, "Only admins may list everyone's withdrawals.")
		}
		req.Actor = who.UserID
		return req, nil
	}
	var err error
	if req.UserID, err = validate.ActingUser(who, optional(named, hasUser)); err != nil {
		return req, err
	}
	if req.UserID != who.UserID {
		req.Actor = who.UserID
	}
	return req, nil
}

// optional returns a pointer to v when it was given.
func optional(v string, given bool) *string {
	if !given {
		return nil
	}
	return &v
}
