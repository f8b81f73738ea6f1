package adapters

import (
	"gorm.io/gorm"

	"tickup.dev/services/draw/internal/app"
)

// Bind builds the pool.full consumer's unit of work over the transaction tx the event
// router opened for a batch.
func Bind(tx *gorm.DB) app.Tx {
	return app.Tx{Requests: DrawRequests{Tx: tx}}
}
