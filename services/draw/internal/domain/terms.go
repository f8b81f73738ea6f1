package domain

import "fmt"

// RoundRuleAfterFull is the one beacon round rule of tickup-draw-v1: the draw uses the
// first round of the chain published at or after the moment the pool became FULL plus
// BeaconDelaySeconds, i.e. the smallest r with genesis + (r−1)·period ≥ full_at + 30 s.
// FULL is the time of the pool's ticketing.pool.full event (the sale of its last ticket).
const RoundRuleAfterFull = "first-round-at-or-after-full+30s"

// BeaconDelaySeconds separates FULL from the beacon round, so that nobody, Tickup
// included, knew the round's randomness when the last ticket was sold.
const BeaconDelaySeconds = 30

// Terms are a pool's draw terms: fixed and published with its commitment when the pool is
// created, never changed, and repeated in the proof. A proof whose winners or beacon use
// differ from its terms does not verify.
type Terms struct {
	WinnersCount int          `json:"winners_count"`
	Beacon       *TermsBeacon `json:"beacon"` // nil: the draw uses no beacon
}

// TermsBeacon names the drand chain whose round the draw must use and how the round is
// chosen.
type TermsBeacon struct {
	ChainHash string `json:"chain_hash"` // lowercase hex, as drand names the chain
	RoundRule string `json:"round_rule"` // RoundRuleAfterFull
}

// Validate checks that the terms can be honoured by tickup-draw-v1.
func (t Terms) Validate() error {
	if t.WinnersCount < 1 {
		return inputErr("terms.winners_count", "is %d, want at least 1", t.WinnersCount)
	}
	if t.Beacon == nil {
		return nil
	}
	if !isLowerHex(t.Beacon.ChainHash, 64) {
		return inputErr("terms.beacon.chain_hash", "%q is not 64 lowercase hex characters", t.Beacon.ChainHash)
	}
	if t.Beacon.RoundRule != RoundRuleAfterFull {
		return inputErr("terms.beacon.round_rule", "is %q, tickup-draw-v1 knows only %q", t.Beacon.RoundRule, RoundRuleAfterFull)
	}
	return nil
}

// Equal reports whether two sets of terms are the same.
func (t Terms) Equal(o Terms) bool {
	if t.WinnersCount != o.WinnersCount || (t.Beacon == nil) != (o.Beacon == nil) {
		return false
	}
	return t.Beacon == nil || *t.Beacon == *o.Beacon
}

// String describes the terms in one line, for mismatches and logs.
func (t Terms) String() string {
	return fmt.Sprintf("%d winner(s), %s", t.WinnersCount, t.Beacon)
}

// String describes the beacon part of the terms.
func (b *TermsBeacon) String() string {
	if b == nil {
		return "no beacon"
	}
	return fmt.Sprintf("drand chain %s, round rule %s", b.ChainHash, b.RoundRule)
}
