package drawrpc

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// ProofRequest asks for a drawn pool's proof from byte Offset on (0 for the first page).
// With UserID set, the answer also names that user's participant id in the pool, so the
// gateway can mark the caller's own tickets.
type ProofRequest struct {
	PoolID string `json:"pool_id"`
	UserID string `json:"user_id,omitempty"`
	Offset int64  `json:"offset,omitempty"`
}

// ProofPage is one page of the proof document: Chunk holds its bytes from Offset on.
// NextOffset is 0 on the last page. The whole document is the proof of docs/fairness.md exactly
// as stored, and its SHA-256 is ProofHash (draw.completed carries the same hash).
type ProofPage struct {
	PoolID      string `json:"pool_id"`
	ProofHash   string `json:"proof_hash"`
	Participant string `json:"participant,omitempty"` // the user's participant id, when asked
	Size        int64  `json:"size"`
	Offset      int64  `json:"offset"`
	Chunk       []byte `json:"chunk"`
	NextOffset  int64  `json:"next_offset,omitempty"`
}

// ProofDocument is a whole proof as Client.Proof returns it.
type ProofDocument struct {
	PoolID      string
	Proof       json.RawMessage // the docs/fairness.md document, byte for byte as published
	ProofHash   string          // hex SHA-256 of Proof
	Participant string          // the asked user's participant id ("" when no user was given)
}

// VerifyRequest names the pool whose draw to recompute.
type VerifyRequest struct {
	PoolID string `json:"pool_id"`
}

// VerifyResponse says whether the stored draw recomputes exactly; Mismatches lists, one
// line each ("field: what differs"), everything that does not.
type VerifyResponse struct {
	PoolID     string   `json:"pool_id"`
	Valid      bool     `json:"valid"`
	Mismatches []string `json:"mismatches"`
}

// Proof fetches the whole proof of poolID, page by page, and checks it against its hash.
// userID may be empty. A pool not drawn yet is a 404 problem (TypeDrawNotFound).
func (c *Client) Proof(ctx context.Context, poolID, userID string) (ProofDocument, error) {
	req := ProofRequest{PoolID: poolID, UserID: userID}
	var doc []byte
	for {
		page, err := Proof.Call(ctx, c.nc, req)
		if err != nil {
			return ProofDocument{}, fmt.Errorf("draw proof of pool %s: %w", poolID, err)
		}
		if page.Offset != int64(len(doc)) {
			return ProofDocument{}, fmt.Errorf("draw proof of pool %s: page at %d, want %d", poolID, page.Offset, len(doc))
		}
		doc = append(doc, page.Chunk...)
		if page.NextOffset == 0 {
			return finish(poolID, doc, page)
		}
		req.Offset = page.NextOffset
	}
}

func finish(poolID string, doc []byte, last ProofPage) (ProofDocument, error) {
	sum := sha256.Sum256(doc)
	if int64(len(doc)) != last.Size || hex.EncodeToString(sum[:]) != last.ProofHash {
		return ProofDocument{}, fmt.Errorf("draw proof of pool %s: %d bytes do not match size %d and hash %s",
			poolID, len(doc), last.Size, last.ProofHash)
	}
	return ProofDocument{PoolID: last.PoolID, Proof: doc, ProofHash: last.ProofHash, Participant: last.Participant}, nil
}

// Verify asks the draw service to recompute poolID's draw from what it stored.
func (c *Client) Verify(ctx context.Context, poolID string) (VerifyResponse, error) {
	resp, err := Verify.Call(ctx, c.nc, VerifyRequest{PoolID: poolID})
	if err != nil {
		return VerifyResponse{}, fmt.Errorf("verify draw of pool %s: %w", poolID, err)
	}
	return resp, nil
}
