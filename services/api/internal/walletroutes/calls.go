package walletroutes

import (
	"context"
	"strconv"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/api/internal/validate"
)

// decisionCall approves or rejects a withdrawal.
type decisionCall func(context.Context, walletrpc.DecisionRequest) (walletrpc.Withdrawal, error)

// statusCall suspends or re-activates a wallet.
type statusCall func(context.Context, walletrpc.StatusRequest) (walletrpc.Wallet, error)

// entryID returns the path's ledger entry id, a positive integer, or a 422 naming it.
func entryID(c *gin.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	var chk validate.Checker
	chk.Check(err == nil && id > 0, "id", "must be a ledger entry_id (a positive integer)")
	return id, chk.Err()
}
