package domain

import (
	"encoding/hex"
	"fmt"
)

// HexBytes is a byte string that appears in JSON as lowercase hex.
type HexBytes []byte

// MarshalText encodes the bytes as lowercase hex.
func (b HexBytes) MarshalText() ([]byte, error) {
	return []byte(hex.EncodeToString(b)), nil
}

// UnmarshalText decodes hex text.
func (b *HexBytes) UnmarshalText(text []byte) error {
	decoded, err := hex.DecodeString(string(text))
	if err != nil {
		return fmt.Errorf("decode hex: %w", err)
	}
	*b = decoded
	return nil
}

// String returns the lowercase hex form.
func (b HexBytes) String() string {
	return hex.EncodeToString(b)
}
