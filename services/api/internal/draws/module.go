// Package draws is the public proof of each pool's draw: GET /draws/{id} serves the
// tickup-draw-v1 proof the draw service stored (with the signed-in caller's tickets
// marked), and GET /draws/{id}/verify asks the draw service to recompute it.
package draws

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/contract/drawrpc"
	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/validate"
)

// tag groups the routes in the documentation.
const tag = "draws"

// Backend is the part of the draw service the routes call; *drawrpc.Client is one.
type Backend interface {
	Proof(ctx context.Context, poolID, userID string) (drawrpc.ProofDocument, error)
	Verify(ctx context.Context, poolID string) (drawrpc.VerifyResponse, error)
}

// Module serves /draws.
type Module struct {
	draws Backend
	log   *slog.Logger
}

// NewModule returns the /draws module over the draw service.
func NewModule(draws Backend, log *slog.Logger) *Module {
	return &Module{draws: draws, log: log}
}

// Register adds the /draws routes.
func (m *Module) Register(r *httpapi.Routes) {
	r.Document().AddTag(tag, "Provably fair draws (tickup-draw-v1): each drawn pool's public proof, and its recomputation.")
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/draws/{id}", Access: httpapi.Public, Tags: []string{tag},
		Summary: "The proof of a pool's draw",
		Description: "{id} is the pool id. Anyone can recompute the winners from this document alone; a signed-in " +
			"caller's own tickets are marked \"mine\". 404 until the pool is drawn.",
		Responses: []openapi.Response{{Status: http.StatusOK, Body: DrawProof{}}},
		Problems:  []int{http.StatusNotFound},
	}, m.proof)
	httpapi.Handle(r, httpapi.Route{Method: http.MethodGet, Path: "/draws/{id}/verify", Access: httpapi.Public, Tags: []string{tag},
		Summary:     "Recompute a pool's draw on the server",
		Description: "{id} is the pool id. valid is true when the stored proof recomputes exactly from its seed, tickets and beacon.",
		Problems:    []int{http.StatusNotFound},
	}, m.verify)
}

// proof answers GET /draws/{id}: the stored document byte for byte, or re-encoded with
// the caller's tickets marked.
func (m *Module) proof(c *gin.Context) {
	poolID, err := validate.PathUUID(c, "id")
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	who, signedIn := auth.FromContext(c)
	userID := strings.ToLower(who.UserID)
	doc, err := m.draws.Proof(c.Request.Context(), poolID, userID)
	if err != nil {
		problem.Fail(c, m.log, problem.FromRPC(err))
		return
	}
	var proof DrawProof
	if err := json.Unmarshal(doc.Proof, &proof); err != nil {
		problem.Fail(c, m.log, fmt.Errorf("decode the proof of pool %s: %w", poolID, err))
		return
	}
	if signedIn && proof.markMine(participantOf(doc, poolID, userID)) {
		c.JSON(http.StatusOK, proof)
		return
	}
	c.Data(http.StatusOK, "application/json; charset=utf-8", doc.Proof)
}

// participantOf is the caller's participant id: as the draw service computed it, else
// computed here the same way.
func participantOf(doc drawrpc.ProofDocument, poolID, userID string) string {
	if doc.Participant != "" {
		return doc.Participant
	}
	return Participant(poolID, userID)
}

// verify answers GET /draws/{id}/verify.
func (m *Module) verify(ctx context.Context, call *httpapi.Call, _ struct{}) (Verification, error) {
	poolID := call.Path("id")
	res, err := m.draws.Verify(ctx, poolID)
	if res.Mismatches == nil {
		res.Mismatches = []string{}
	}
	return Verification{PoolID: poolID, Valid: res.Valid && len(res.Mismatches) == 0, Mismatches: res.Mismatches}, err
}
