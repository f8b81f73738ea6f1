package app

import "tickup.dev/services/draw/internal/domain"

// termsAgree checks that the proof shows the terms the pool was committed to, and that
// the stored draw honoured them.
func (c *checker) termsAgree(p domain.Proof, st StoredDraw) {
	if st.Terms == nil {
		return // committed before terms existed: the proof's own check covers its terms
	}
	if p.Terms == nil || !p.Terms.Equal(*st.Terms) {
		c.add("terms", "proof says %s, the pool was committed to %s", describeTerms(p.Terms), st.Terms)
	}
	if st.WinnersCount != st.Terms.WinnersCount {
		c.add("stored winners_count", "%d, the terms fix %d", st.WinnersCount, st.Terms.WinnersCount)
	}
	if (st.Beacon == nil) != (st.Terms.Beacon == nil) {
		c.add("stored beacon", "%s, the terms fix %s", describeBeacon(st.Beacon), st.Terms.Beacon)
	}
}

func describeTerms(t *domain.Terms) string {
	if t == nil {
		return "no terms"
	}
	return t.String()
}
