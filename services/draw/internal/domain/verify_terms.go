package domain

import "errors"

// checkTerms compares what the proof did with the terms fixed when the pool was created:
// the number of winners and whether a beacon was used. A proof without terms cannot show
// that nobody chose them after the sale, so it does not verify.
func (m *mismatches) checkTerms(p Proof) {
	if p.Terms == nil {
		m.add("terms", "missing: the proof must repeat the draw terms the pool was created with")
		return
	}
	if err := p.Terms.Validate(); err != nil {
		var inErr *InputError
		if errors.As(err, &inErr) {
			m.add(inErr.Field, "%s", inErr.Problem)
		}
	}
	if len(p.Winners) != p.Terms.WinnersCount {
		m.add("winners", "proof lists %d, the terms fix %d", len(p.Winners), p.Terms.WinnersCount)
	}
	switch {
	case p.Terms.Beacon == nil && p.Beacon != nil:
		m.add("beacon", "proof uses drand round %d, the terms fix no beacon", p.Beacon.Round)
	case p.Terms.Beacon != nil && p.Beacon == nil:
		m.add("beacon", "proof uses no beacon, the terms fix %s", p.Terms.Beacon)
	}
}
