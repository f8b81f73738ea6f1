package domain

import "fmt"

// DrawTerms are the terms of a pool's draw as the draw service fixed them with its
// commitment: shown beside the commitment before any sale, and never changed.
type DrawTerms struct {
	WinnersCount int
	Beacon       *DrawBeacon // nil: the draw uses no beacon
}

// DrawBeacon names the drand chain of the draw's beacon and the rule that picks its round.
type DrawBeacon struct {
	ChainHash string
	RoundRule string
}

// CheckDrawTerms refuses terms that do not match the pool they were made for.
func (p Pool) CheckDrawTerms(t DrawTerms) error {
	if t.WinnersCount != p.WinnersCount {
		return fmt.Errorf("the draw fixed terms of %d winners for a pool of %d", t.WinnersCount, p.WinnersCount)
	}
	return nil
}
