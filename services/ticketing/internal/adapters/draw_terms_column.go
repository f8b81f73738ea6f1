package adapters

import (
	"encoding/json"

	"tickup.dev/services/ticketing/internal/domain"
)

// drawTermsDoc is the JSON of raffle_pool.draw_terms, the shape the draw service publishes.
type drawTermsDoc struct {
	WinnersCount int `json:"winners_count"`
	Beacon       *struct {
		ChainHash string `json:"chain_hash"`
		RoundRule string `json:"round_rule"`
	} `json:"beacon"`
}

// encodeDrawTerms renders terms for the jsonb column; nil stays NULL.
func encodeDrawTerms(t *domain.DrawTerms) *string {
	if t == nil {
		return nil
	}
	doc := drawTermsDoc{WinnersCount: t.WinnersCount}
	if t.Beacon != nil {
		doc.Beacon = &struct {
			ChainHash string `json:"chain_hash"`
			RoundRule string `json:"round_rule"`
		}{t.Beacon.ChainHash, t.Beacon.RoundRule}
	}
	b, _ := json.Marshal(doc) // a struct of ints and strings always encodes
	s := string(b)
	return &s
}

// decodeDrawTerms reads the column. Its CHECK admits only documents of this shape, so a
// document that does not decode cannot be stored; it would read as no terms.
func decodeDrawTerms(s *string) *domain.DrawTerms {
	var doc drawTermsDoc
	if s == nil || json.Unmarshal([]byte(*s), &doc) != nil {
		return nil
	}
	t := &domain.DrawTerms{WinnersCount: doc.WinnersCount}
	if doc.Beacon != nil {
		t.Beacon = &domain.DrawBeacon{ChainHash: doc.Beacon.ChainHash, RoundRule: doc.Beacon.RoundRule}
	}
	return t
}
