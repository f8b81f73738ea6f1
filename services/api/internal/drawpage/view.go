package drawpage

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/api/internal/problem"
)

// view is what the page template shows. Every value reaches the page through
// html/template, which escapes it for where it lands.
type view struct {
	Pool      Pool
	PoolTerms string // the pool's published terms as JSON, for the browser to compare ("" when none)
	Drawn     bool
	Proof     proofView
	ProofJSON string // the proof, indented, in the box the browser verifies
	Assets    string // relative path from the page to its assets
}

// view gathers the pool and, once drawn, its proof. An unknown pool is a 404 problem; a
// pool not drawn yet is a page without a proof.
func (m *Module) view(c *gin.Context, poolID string) (view, error) {
	ctx := c.Request.Context()
	pool, err := m.pools.Pool(ctx, poolID)
	if err != nil {
		return view{}, problem.FromRPC(err)
	}
	v := view{Pool: pool, Assets: "../.." + AssetsPath}
	if pool.DrawTerms != nil {
		terms, err := json.Marshal(pool.DrawTerms)
		if err != nil {
			return view{}, fmt.Errorf("encode the terms of pool %s: %w", poolID, err)
		}
		v.PoolTerms = string(terms)
	}
	doc, err := m.proofs.Proof(ctx, poolID, "")
	switch {
	case notDrawn(err):
		return v, nil
	case err != nil:
		return view{}, problem.FromRPC(err)
	}
	if v.Proof, err = decodeProof(doc.Proof); err != nil {
		return view{}, fmt.Errorf("pool %s: %w", poolID, err)
	}
	var indented bytes.Buffer
	if err := json.Indent(&indented, doc.Proof, "", "  "); err != nil {
		return view{}, fmt.Errorf("indent the proof of pool %s: %w", poolID, err)
	}
	v.Drawn, v.ProofJSON = true, indented.String()
	return v, nil
}

// Terms are the terms to show: the proof's once drawn, else the pool's.
func (v view) Terms() *ticketingrpc.DrawTerms {
	if v.Drawn && v.Proof.Terms != nil {
		return v.Proof.Terms
	}
	return v.Pool.DrawTerms
}
