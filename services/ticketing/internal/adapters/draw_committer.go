package adapters

import (
	"context"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/drawrpc"
	"tickup.dev/services/ticketing/internal/domain"
)

// commitTimeout bounds the wait for the draw service while an admin creates a pool.
const commitTimeout = 3 * time.Second

// DrawCommitter gets pool commitments from the draw service.
type DrawCommitter struct {
	Client *drawrpc.Client
}

// Commit implements app.Committer: the 32-byte SHA-256 of the pool's seed and the draw
// terms fixed with it.
func (c DrawCommitter) Commit(ctx context.Context, poolID uuid.UUID, winners int) ([]byte, domain.DrawTerms, error) {
	ctx, cancel := context.WithTimeout(ctx, commitTimeout)
	defer cancel()
	resp, err := c.Client.Commit(ctx, drawrpc.CommitRequest{PoolID: poolID.String(), WinnersCount: winners})
	if err != nil {
		return nil, domain.DrawTerms{}, err
	}
	commitment, err := hex.DecodeString(resp.Commitment)
	if err != nil || len(commitment) != 32 || resp.PoolID != poolID.String() {
		return nil, domain.DrawTerms{}, fmt.Errorf("draw answered a malformed commitment %q for pool %q", resp.Commitment, resp.PoolID)
	}
	return commitment, toDrawTerms(resp.Terms), nil
}

func toDrawTerms(t drawrpc.Terms) domain.DrawTerms {
	out := domain.DrawTerms{WinnersCount: t.WinnersCount}
	if t.Beacon != nil {
		out.Beacon = &domain.DrawBeacon{ChainHash: t.Beacon.ChainHash, RoundRule: t.Beacon.RoundRule}
	}
	return out
}
