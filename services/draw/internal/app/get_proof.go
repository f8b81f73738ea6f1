package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"tickup.dev/services/draw/internal/domain"
)

// ErrDrawNotFound means the pool has not been drawn (yet).
var ErrDrawNotFound = errors.New("pool not drawn")

// ErrBadOffset means a proof page was asked for past the proof's end.
var ErrBadOffset = errors.New("offset is past the end of the proof")

// ProofSlice is a range of a stored proof document.
type ProofSlice struct {
	Size  int64  // the whole document's length
	Hash  string // hex SHA-256 of the whole document
	Chunk []byte
}

// ProofReader reads stored proofs.
type ProofReader interface {
	// ProofSlice returns up to limit bytes of poolID's proof from offset on, or ErrDrawNotFound.
	ProofSlice(ctx context.Context, poolID uuid.UUID, offset, limit int64) (ProofSlice, error)
}

// ProofPage is one page of a proof, with the caller's participant id when asked.
type ProofPage struct {
	ProofSlice
	Offset      int64
	NextOffset  int64 // 0 on the last page
	Participant string
}

// GetProof answers a drawn pool's public proof, page by page.
type GetProof struct {
	Proofs   ProofReader
	PageSize int64
}

// Handle returns the page of poolID's proof at offset; with userID set, the page names that
// user's participant id in the pool.
func (h GetProof) Handle(ctx context.Context, poolID uuid.UUID, userID *uuid.UUID, offset int64) (ProofPage, error) {
	if offset < 0 {
		return ProofPage{}, ErrBadOffset
	}
	slice, err := h.Proofs.ProofSlice(ctx, poolID, offset, h.PageSize)
	if err != nil {
		return ProofPage{}, fmt.Errorf("proof of pool %s: %w", poolID, err)
	}
	if offset > 0 && offset >= slice.Size {
		return ProofPage{}, ErrBadOffset
	}
	page := ProofPage{ProofSlice: slice, Offset: offset}
	if end := offset + int64(len(slice.Chunk)); end < slice.Size {
		page.NextOffset = end
	}
	if userID != nil {
		page.Participant = domain.Participant(poolID.String(), userID.String())
	}
	return page, nil
}
