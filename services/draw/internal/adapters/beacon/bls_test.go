package beacon

import (
	"encoding/hex"
	"errors"
	"testing"
	"time"
)

// A real quicknet round as published by the drand network (round 657413, chain
// 52db9ba7…e971); the test needs no network.
const (
	realRound      = 657413
	realSignature  = "b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b"
	realRandomness = "fc1873a13f3545aeade8401532ef5519920652eee6b0d2b19ca12643b87b3587"
)

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRealQuicknetRoundVerifies(t *testing.T) {
	t.Parallel()
	sig := mustHex(t, realSignature)
	if err := Quicknet().VerifyRound(realRound, sig); err != nil {
		t.Fatalf("real round %d: %v", realRound, err)
	}
	if got := hex.EncodeToString(Randomness(sig)); got != realRandomness {
		t.Fatalf("randomness = %s, want %s", got, realRandomness)
	}
}

func TestTamperedRoundsFail(t *testing.T) {
	t.Parallel()
	sig := mustHex(t, realSignature)
	flipped := append([]byte(nil), sig...)
	flipped[20] ^= 0x01
	otherKey := Quicknet()
	otherKey.PublicKey = append([]byte(nil), otherKey.PublicKey...)
	otherKey.PublicKey[50] ^= 0x01
	cases := []struct {
		name  string
		chain Chain
		round uint64
		sig   []byte
	}{
		{"flipped signature bit", Quicknet(), realRound, flipped},
		{"another round", Quicknet(), realRound + 1, sig},
		{"truncated signature", Quicknet(), realRound, sig[:47]},
		{"identity signature", Quicknet(), realRound, append([]byte{0xc0}, make([]byte, 47)...)},
		{"wrong public key", otherKey, realRound, sig},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.chain.VerifyRound(c.round, c.sig)
			if err == nil {
				t.Fatal("verified, want an error")
			}
			if c.name != "wrong public key" && !errors.Is(err, ErrBadSignature) {
				t.Fatalf("error %v does not wrap ErrBadSignature", err)
			}
		})
	}
}

func TestRoundTimes(t *testing.T) {
	t.Parallel()
	c := Quicknet()
	cases := []struct {
		at   time.Time
		want uint64
	}{
		{c.Genesis.Add(-time.Hour), 1},
		{c.Genesis, 1},
		{c.Genesis.Add(time.Nanosecond), 2},
		{c.Genesis.Add(3 * time.Second), 2},
		{c.Genesis.Add(3*time.Second + time.Millisecond), 3},
		{c.TimeOf(realRound), realRound},
	}
	for _, tc := range cases {
		if got := c.RoundAt(tc.at); got != tc.want {
			t.Errorf("RoundAt(%s) = %d, want %d", tc.at, got, tc.want)
		}
		if r := c.RoundAt(tc.at); c.TimeOf(r).Before(tc.at) && tc.at.After(c.Genesis) {
			t.Errorf("round %d at %s is before %s", r, c.TimeOf(r), tc.at)
		}
	}
}
