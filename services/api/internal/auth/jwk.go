package auth

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"encoding/base64"
	"errors"
	"fmt"
	"math/big"
)

// minRSABits rejects keys too weak to trust.
const minRSABits = 2048

// jwkSet is a JSON Web Key Set document.
type jwkSet struct {
	Keys []jwk `json:"keys"`
}

// jwk is one JSON Web Key; only public RSA and P-256 EC signing keys are used.
type jwk struct {
	Kty string `json:"kty"`
	Kid string `json:"kid"`
	Alg string `json:"alg"`
	Use string `json:"use"`
	Crv string `json:"crv"`
	N   string `json:"n"`
	E   string `json:"e"`
	X   string `json:"x"`
	Y   string `json:"y"`
}

// usable returns the signing keys of the set by kid, skipping any it cannot use so that
// one odd entry does not hide the others.
func (s jwkSet) usable() map[string]publicKey {
	keys := make(map[string]publicKey, len(s.Keys))
	for _, k := range s.Keys {
		if k.Kid == "" || (k.Use != "" && k.Use != "sig") {
			continue
		}
		pub, err := k.publicKey()
		if err != nil {
			continue
		}
		keys[k.Kid] = publicKey{alg: k.Alg, key: pub}
	}
	return keys
}

// publicKey decodes the key material.
func (k jwk) publicKey() (crypto.PublicKey, error) {
	switch k.Kty {
	case "RSA":
		return k.rsaKey()
	case "EC":
		return k.ecKey()
	default:
		return nil, fmt.Errorf("jwk %s: unsupported kty %q", k.Kid, k.Kty)
	}
}

// rsaKey decodes an RSA public key.
func (k jwk) rsaKey() (*rsa.PublicKey, error) {
	n, err := base64.RawURLEncoding.DecodeString(k.N)
	if err != nil {
		return nil, fmt.Errorf("jwk %s: n: %w", k.Kid, err)
	}
	e, err := base64.RawURLEncoding.DecodeString(k.E)
	if err != nil {
		return nil, fmt.Errorf("jwk %s: e: %w", k.Kid, err)
	}
	exp := new(big.Int).SetBytes(e)
	if !exp.IsInt64() || exp.Int64() < 3 || exp.Int64() > 1<<31-1 || exp.Bit(0) == 0 {
		return nil, fmt.Errorf("jwk %s: bad exponent", k.Kid)
	}
	key := &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(exp.Int64())}
	if key.N.BitLen() < minRSABits {
		return nil, fmt.Errorf("jwk %s: %d-bit RSA key is too short", k.Kid, key.N.BitLen())
	}
	return key, nil
}

// ecKey decodes a P-256 public key, checking that the point is on the curve.
func (k jwk) ecKey() (*ecdsa.PublicKey, error) {
	if k.Crv != "P-256" {
		return nil, fmt.Errorf("jwk %s: unsupported curve %q", k.Kid, k.Crv)
	}
	x, errX := base64.RawURLEncoding.DecodeString(k.X)
	y, errY := base64.RawURLEncoding.DecodeString(k.Y)
	if err := errors.Join(errX, errY); err != nil {
		return nil, fmt.Errorf("jwk %s: coordinates: %w", k.Kid, err)
	}
	if len(x) != 32 || len(y) != 32 {
		return nil, fmt.Errorf("jwk %s: coordinates must be 32 bytes", k.Kid)
	}
	point := append(append([]byte{4}, x...), y...)
	key, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), point)
	if err != nil {
		return nil, fmt.Errorf("jwk %s: %w", k.Kid, err)
	}
	return key, nil
}
