package beacon

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/cloudflare/circl/ecc/bls12381"
)

// dstG1 is the hash-to-curve domain separation tag of the bls-unchained-g1-rfc9380 scheme.
const dstG1 = "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_"

// ErrBadSignature means a round's signature does not verify against the chain's key.
var ErrBadSignature = errors.New("drand signature does not verify")

// RoundMessage is what the chain signs for round: SHA-256(u64be(round)).
func RoundMessage(round uint64) []byte {
	sum := sha256.Sum256(binary.BigEndian.AppendUint64(nil, round))
	return sum[:]
}

// VerifyRound checks a round's signature against the chain's public key:
// e(sig, g2) == e(H(m), pk), with H hashing to G1 (RFC 9380, SSWU, random oracle).
func (c Chain) VerifyRound(round uint64, signature []byte) error {
	var pk bls12381.G2
	if err := pk.SetBytes(c.PublicKey); err != nil || pk.IsIdentity() {
		return fmt.Errorf("drand chain public key: not a valid G2 point: %v", err)
	}
	var sig bls12381.G1
	if err := sig.SetBytes(signature); err != nil || sig.IsIdentity() {
		return fmt.Errorf("round %d: %w: signature is not a valid G1 point", round, ErrBadSignature)
	}
	var h bls12381.G1
	h.Hash(RoundMessage(round), []byte(dstG1))
	// e(sig, g2) · e(H(m), pk)^-1 == 1
	prod := bls12381.ProdPairFrac([]*bls12381.G1{&sig, &h},
		[]*bls12381.G2{bls12381.G2Generator(), &pk}, []int{1, -1})
	if !prod.IsIdentity() {
		return fmt.Errorf("round %d: %w", round, ErrBadSignature)
	}
	return nil
}

// Randomness is a round's public randomness: SHA-256(signature).
func Randomness(signature []byte) []byte {
	sum := sha256.Sum256(signature)
	return sum[:]
}
