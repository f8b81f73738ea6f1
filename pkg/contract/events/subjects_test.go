package events_test

import (
	"testing"

	"github.com/nats-io/nats-server/v2/server"

	"tickup.dev/pkg/contract/events"
)

const poolID = "0190a7e2-0000-7000-8000-000000000001"

// streamsHolding names the streams whose subjects contain subject (which may be a filter).
func streamsHolding(subject string) []string {
	var names []string
	for _, s := range events.Streams() {
		for _, f := range s.Subjects {
			if server.SubjectMatchesFilter(subject, f) {
				names = append(names, s.Name)
			}
		}
	}
	return names
}

func TestEverySubjectFallsInExactlyOneStream(t *testing.T) {
	t.Parallel()
	for _, typ := range events.Types() {
		for _, subj := range []string{typ.Subject(poolID), typ.Filter()} {
			if !server.IsValidSubject(subj) {
				t.Errorf("%s: invalid subject %q", typ, subj)
			}
			got := streamsHolding(subj)
			if len(got) != 1 || got[0] != typ.Stream() {
				t.Errorf("%s: %q is held by %v, want [%s]", typ, subj, got, typ.Stream())
			}
		}
	}
	if got := streamsHolding(events.DLQSubject("API", "wallet")); len(got) != 1 || got[0] != events.StreamDLQ {
		t.Errorf("dlq subject held by %v", got)
	}
}

func TestNoTwoTypesShareASubject(t *testing.T) {
	t.Parallel()
	types := events.Types()
	for i, a := range types {
		for _, b := range types[i+1:] {
			if server.SubjectsCollide(a.Filter(), b.Filter()) {
				t.Errorf("%s and %s share subjects (%q, %q)", a, b, a.Filter(), b.Filter())
			}
		}
	}
}

func TestStreamsDoNotOverlap(t *testing.T) {
	t.Parallel()
	streams := events.Streams()
	for i, a := range streams {
		for _, b := range streams[i+1:] {
			for _, sa := range a.Subjects {
				for _, sb := range b.Subjects {
					if server.SubjectsCollide(sa, sb) {
						t.Errorf("streams %s and %s overlap on %q / %q", a.Name, b.Name, sa, sb)
					}
				}
			}
		}
	}
}

func TestPoolScopedSubjectsCarryThePoolID(t *testing.T) {
	t.Parallel()
	tests := []struct {
		typ  events.Type
		want string
	}{
		{events.TypePoolFull, "tickup.ticketing.pool.full." + poolID},
		{events.TypeTicketIssued, "tickup.ticketing.ticket.issued." + poolID},
		{events.TypeDrawCompleted, "tickup.draw.draw.completed." + poolID},
		{events.TypePurchaseConfirmed, "tickup.api.purchase.confirmed"},
		{events.TypeHoldPlaced, "tickup.wallet.hold.placed"},
	}
	for _, tt := range tests {
		if got := tt.typ.Subject(poolID); got != tt.want {
			t.Errorf("%s.Subject = %q, want %q", tt.typ, got, tt.want)
		}
		if !server.SubjectMatchesFilter(tt.want, tt.typ.Filter()) {
			t.Errorf("%q does not match its filter %q", tt.want, tt.typ.Filter())
		}
	}
	for _, typ := range []events.Type{events.TypePoolFull, events.TypeTicketVoided, events.TypeDrawCompleted} {
		if !matchesAny(typ.Subject(poolID), events.PoolFilters(poolID)) {
			t.Errorf("%s of the pool escapes PoolFilters", typ)
		}
		if matchesAny(typ.Subject("other"), events.PoolFilters(poolID)) {
			t.Errorf("%s of another pool matches PoolFilters", typ)
		}
	}
}

func TestTokenKeepsIDsToOneToken(t *testing.T) {
	t.Parallel()
	tests := map[string]string{"": "_", "a.b": "a_b", "*": "_", ">": "_", "a b": "a_b", poolID: poolID}
	for in, want := range tests {
		if got := events.Token(in); got != want {
			t.Errorf("Token(%q) = %q, want %q", in, got, want)
		}
	}
}

func matchesAny(subject string, filters []string) bool {
	for _, f := range filters {
		if server.SubjectMatchesFilter(subject, f) {
			return true
		}
	}
	return false
}
