package adapters

import (
	"gorm.io/gorm"

	"tickup.dev/services/ticketing/internal/app"
)

// Bind is the consumers' unit of work over the router's transaction tx: the bind function
// of inbox.Transactor.
func Bind(tx *gorm.DB) app.Tx {
	return app.Tx{Issuance: IssueStore{DB: tx}, Draws: DrawStore{DB: tx}, Reversals: ReversalStore{DB: tx}}
}
