package drawrpc_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"

	"github.com/nats-io/nats.go"

	"tickup.dev/pkg/contract/drawrpc"
	"tickup.dev/pkg/rpc"
	"tickup.dev/pkg/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.RunMain(m)) }

// servePages answers proof requests with doc in pages of size bytes, under hash.
func servePages(t *testing.T, doc, hash string, size int) *drawrpc.Client {
	t.Helper()
	url := testenv.NATSURL(t)
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	svc, err := rpc.NewService(nc, "draw", "0.0.0-test", "test stand-in")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Stop() })
	page := func(_ context.Context, req drawrpc.ProofRequest) (drawrpc.ProofPage, error) {
		end := min(int(req.Offset)+size, len(doc))
		p := drawrpc.ProofPage{PoolID: req.PoolID, ProofHash: hash, Participant: "p-" + req.UserID, Size: int64(len(doc)),
			Offset: req.Offset, Chunk: []byte(doc[req.Offset:end])}
		if end < len(doc) {
			p.NextOffset = int64(end)
		}
		return p, nil
	}
	if err := rpc.Serve(svc, drawrpc.Proof, page); err != nil {
		t.Fatal(err)
	}
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	client, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(client.Close)
	return drawrpc.NewClient(client)
}

func TestProofReassemblesPagesAndChecksTheHash(t *testing.T) {
	t.Parallel()
	doc := `{"algorithm":"tickup-draw-v1","tickets":[` + strings.Repeat(`{"ticket_num":1},`, 20) + `{}]}`
	sum := sha256.Sum256([]byte(doc))
	got, err := servePages(t, doc, hex.EncodeToString(sum[:]), 7).Proof(context.Background(), "pool-1", "user-1")
	if err != nil || string(got.Proof) != doc || got.Participant != "p-user-1" || got.ProofHash != hex.EncodeToString(sum[:]) {
		t.Fatalf("proof %+v, %v: want the document reassembled", got, err)
	}
	_, err = servePages(t, doc, strings.Repeat("0", 64), 7).Proof(context.Background(), "pool-1", "")
	if err == nil || !strings.Contains(err.Error(), "do not match") {
		t.Fatalf("a document that does not match its hash: %v", err)
	}
}
