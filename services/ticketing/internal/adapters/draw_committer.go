package adapters

import (
	"context"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/draw/drawrpc"
)

// commitTimeout bounds the wait for the draw service while an admin creates a pool.
const commitTimeout = 3 * time.Second

// DrawCommitter gets pool commitments from the draw service.
type DrawCommitter struct {
	Client *drawrpc.Client
}

// Commit implements app.Committer: the 32-byte SHA-256 of the pool's seed.
func (c DrawCommitter) Commit(ctx context.Context, poolID uuid.UUID) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, commitTimeout)
	defer cancel()
	resp, err := c.Client.Commit(ctx, poolID.String())
	if err != nil {
		return nil, err
	}
	commitment, err := hex.DecodeString(resp.Commitment)
	if err != nil || len(commitment) != 32 || resp.PoolID != poolID.String() {
		return nil, fmt.Errorf("draw answered a malformed commitment %q for pool %q", resp.Commitment, resp.PoolID)
	}
	return commitment, nil
}
