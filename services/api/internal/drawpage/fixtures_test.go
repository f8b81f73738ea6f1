package drawpage_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/contract/drawrpc"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/rpc"
	"tickup.dev/services/api/internal/drawpage"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
)

// The test vectors of tickup-draw-v1 (docs/fairness.md): seed 0x00…0x1f, ten tickets of
// four users, ticket 3 of weight 2.
const (
	vectorPool       = "0190a7e2-0000-7000-8000-000000000001"
	vectorCommitment = "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd"
	vectorE          = "65e7c757d8aef551bde3ad766480626b86f369d35ecfde12c984ea069d0d5303"
	vectorS3         = "5178f490ec58eb1cf75f71a7af3f4dc1782265f9be84eb3851d52018b7a4efa1"
	vectorSBeacon    = "ba343c0a7f968883e501bcf791b33eb4f00151f75b35da5806328841a0cd4c30"
	chainHash        = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971"
	roundRule        = "first-round-at-or-after-full+30s"
)

// vectorParticipants are the participants of users 1..4 in the vector pool.
var vectorParticipants = []string{"e7d7cd6918077615", "53014a1bd3f31e58", "560f50ee6e00ebd7", "98737208ec5ba3d3"}

// proof is a tickup-draw-v1 proof in its published field order.
type proof struct {
	Algorithm   string                  `json:"algorithm"`
	PoolID      string                  `json:"pool_id"`
	Commitment  string                  `json:"commitment"`
	Terms       *ticketingrpc.DrawTerms `json:"terms"`
	Seed        string                  `json:"seed"`
	Tickets     []ticket                `json:"tickets"`
	TicketsHash string                  `json:"tickets_hash"`
	N           int                     `json:"n"`
	Beacon      *beacon                 `json:"beacon"`
	WordsUsed   int                     `json:"words_used"`
	Winners     []winner                `json:"winners"`
}

type ticket struct {
	TicketNum   int    `json:"ticket_num"`
	Participant string `json:"participant"`
	Weight      int    `json:"weight"`
}

type beacon struct {
	Round      uint64 `json:"round"`
	Randomness string `json:"randomness"`
}

type winner struct {
	Tier        int    `json:"tier"`
	TicketNum   int    `json:"ticket_num"`
	Participant string `json:"participant"`
}

// vectorProof is the proof of the vector draw with the given terms, beacon and winners.
func vectorProof(terms *ticketingrpc.DrawTerms, b *beacon, wordsUsed int, winners ...int) proof {
	p := proof{Algorithm: "tickup-draw-v1", PoolID: vectorPool, Commitment: vectorCommitment, Terms: terms,
		TicketsHash: vectorE, N: 10, Beacon: b, WordsUsed: wordsUsed}
	for i := range 32 {
		p.Seed += fmt.Sprintf("%02x", i)
	}
	for t := 1; t <= 10; t++ {
		p.Tickets = append(p.Tickets, ticket{TicketNum: t, Participant: vectorParticipants[(t-1)%4], Weight: map[bool]int{true: 2, false: 1}[t == 3]})
	}
	for i, t := range winners {
		p.Winners = append(p.Winners, winner{Tier: i + 1, TicketNum: t, Participant: vectorParticipants[(t-1)%4]})
	}
	return p
}

// JSON encodes the proof.
func (p proof) JSON(t *testing.T) []byte {
	t.Helper()
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// source serves one pool and, when drawn, its proof: the vector draws need a fixed seed,
// which no real draw has.
type source struct {
	pool  drawpage.Pool
	proof []byte // nil: not drawn
}

func (s source) Pool(_ context.Context, poolID string) (drawpage.Pool, error) {
	if poolID != s.pool.PoolID {
		return drawpage.Pool{}, rpc.NewProblem(http.StatusNotFound, ticketingrpc.TypePoolNotFound, "", "no such pool")
	}
	return s.pool, nil
}

func (s source) Proof(_ context.Context, poolID, _ string) (drawrpc.ProofDocument, error) {
	if s.proof == nil {
		return drawrpc.ProofDocument{}, rpc.NewProblem(http.StatusNotFound, drawrpc.TypeDrawNotFound, "", "not drawn")
	}
	return drawrpc.ProofDocument{PoolID: poolID, Proof: s.proof}, nil
}

// serve runs the draw page over src on a test server and returns its base URL.
func serve(t *testing.T, src source) string {
	t.Helper()
	gin.SetMode(gin.TestMode)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	router, err := httpapi.New(httpapi.Config{Log: log, Info: openapi.Info{Title: "draw page test"}})
	if err != nil {
		t.Fatal(err)
	}
	router.Group("/api/v1").Mount(drawpage.NewModule(src, src, log))
	srv := httptest.NewServer(router.Handler())
	t.Cleanup(srv.Close)
	return srv.URL
}

// pageURL is the draw page of poolID on base.
func pageURL(base, poolID string) string { return base + "/api/v1/pools/" + poolID + "/draw" }
