package beacon

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"tickup.dev/services/draw/internal/domain"
)

// DefaultURL is drand's public HTTP relay.
const DefaultURL = "https://api.drand.sh"

// ErrNotPublished means the round is not published yet (its time has not come, or the relay
// does not have it yet); asking again later may succeed.
var ErrNotPublished = errors.New("drand round not published yet")

// maxBody bounds a relay's answer; a round is a few hundred bytes.
const maxBody = 64 << 10

// Drand fetches rounds of one chain from a drand HTTP relay and verifies them.
type Drand struct {
	Chain  Chain
	URL    string // relay base URL, e.g. DefaultURL
	Client *http.Client
	Now    func() time.Time
}

// NewQuicknet returns a client of the quicknet chain at the relay url (DefaultURL if empty).
func NewQuicknet(url string) *Drand {
	if url == "" {
		url = DefaultURL
	}
	return &Drand{Chain: Quicknet(), URL: strings.TrimRight(url, "/"),
		Client: &http.Client{Timeout: 10 * time.Second}, Now: time.Now}
}

// RoundAt implements app.Beacon: the first round published at or after t.
func (d *Drand) RoundAt(t time.Time) uint64 { return d.Chain.RoundAt(t) }

// TimeOf implements app.Beacon: when round is published.
func (d *Drand) TimeOf(round uint64) time.Time { return d.Chain.TimeOf(round) }

// roundJSON is a relay's answer for one round.
type roundJSON struct {
	Round      uint64 `json:"round"`
	Randomness string `json:"randomness"`
	Signature  string `json:"signature"`
}

// Fetch implements app.Beacon: it returns round's randomness, SHA-256 of a signature that
// verified against the chain's public key. The relay's own randomness field must agree.
func (d *Drand) Fetch(ctx context.Context, round uint64) (domain.Beacon, []byte, error) {
	if d.Now().Before(d.Chain.TimeOf(round)) {
		return domain.Beacon{}, nil, fmt.Errorf("round %d is due at %s: %w", round, d.Chain.TimeOf(round), ErrNotPublished)
	}
	got, err := d.get(ctx, round)
	if err != nil {
		return domain.Beacon{}, nil, err
	}
	if got.Round != round {
		return domain.Beacon{}, nil, fmt.Errorf("drand relay answered round %d for round %d", got.Round, round)
	}
	sig, err := hex.DecodeString(got.Signature)
	if err != nil {
		return domain.Beacon{}, nil, fmt.Errorf("drand round %d: signature: %w", round, err)
	}
	if err := d.Chain.VerifyRound(round, sig); err != nil {
		return domain.Beacon{}, nil, err
	}
	randomness := Randomness(sig)
	if got.Randomness != "" && got.Randomness != hex.EncodeToString(randomness) {
		return domain.Beacon{}, nil, fmt.Errorf("drand round %d: randomness %s is not SHA-256 of the signature", round, got.Randomness)
	}
	return domain.Beacon{Round: round, Randomness: randomness}, sig, nil
}

// get asks the relay for one round: GET {url}/{chain hash}/public/{round}.
func (d *Drand) get(ctx context.Context, round uint64) (roundJSON, error) {
	url := fmt.Sprintf("%s/%s/public/%d", d.URL, d.Chain.Hash, round)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return roundJSON{}, fmt.Errorf("drand round %d: %w", round, err)
	}
	resp, err := d.Client.Do(req)
	if err != nil {
		return roundJSON{}, fmt.Errorf("drand round %d: %w", round, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return roundJSON{}, fmt.Errorf("drand round %d: read: %w", round, err)
	}
	switch {
	case resp.StatusCode == http.StatusTooEarly || resp.StatusCode == http.StatusNotFound:
		return roundJSON{}, fmt.Errorf("drand relay answered %s for round %d: %w", resp.Status, round, ErrNotPublished)
	case resp.StatusCode != http.StatusOK:
		return roundJSON{}, fmt.Errorf("drand relay answered %s for round %d", resp.Status, round)
	}
	var out roundJSON
	if err := json.Unmarshal(body, &out); err != nil {
		return roundJSON{}, fmt.Errorf("drand round %d: decode: %w", round, err)
	}
	return out, nil
}
