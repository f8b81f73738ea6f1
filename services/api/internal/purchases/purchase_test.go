package purchases

import (
	"errors"
	"slices"
	"testing"

	"tickup.dev/services/api/internal/problem"
)

func TestCreateRequestNormalise(t *testing.T) {
	t.Parallel()
	const pool, ticket = "0190A7E2-0000-7000-8000-000000000001", "0190a7e2-0000-7000-8000-000000000002"
	tests := []struct {
		name   string
		req    createRequest
		fields []string // the fields a 422 names; none: valid
		method string   // the payment method once normalised
	}{
		{"entry by card", createRequest{PoolID: pool, Provider: "stripe"}, nil, "provider"},
		{"entry from the wallet", createRequest{PoolID: pool, PaymentMethod: "wallet"}, nil, "wallet"},
		{"boost", createRequest{PoolID: pool, Type: "BOOST", TicketID: ticket, PaymentMethod: "wallet"}, nil, "wallet"},
		{"retry", createRequest{PoolID: pool, Type: "RETRY", LosingTicketID: ticket, Provider: "generic"}, nil, "provider"},
		{"no method", createRequest{PoolID: pool}, []string{"payment_method"}, ""},
		{"bad pool and type", createRequest{PoolID: "x", Type: "GIFT", Provider: "stripe"}, []string{"pool_id", "type"}, "provider"},
		{"boost without ticket", createRequest{PoolID: pool, Type: "BOOST", Provider: "stripe"}, []string{"ticket_id"}, "provider"},
		{"entry with refs", createRequest{PoolID: pool, TicketID: ticket, LosingTicketID: ticket, Provider: "stripe"},
			[]string{"losing_ticket_id", "ticket_id"}, "provider"},
		{"wallet with provider fields", createRequest{PoolID: pool, PaymentMethod: "wallet", ProviderTxnID: "t"},
			[]string{"provider_txn_id"}, "wallet"},
		{"provider without provider", createRequest{PoolID: pool, PaymentMethod: "provider"}, []string{"provider"}, "provider"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := tc.req.normalise()
			if names := fieldNames(err); !slices.Equal(names, tc.fields) {
				t.Fatalf("fields %v (%v), want %v", names, err, tc.fields)
			}
			if got.PaymentMethod != tc.method || got.PoolID != "0190a7e2-0000-7000-8000-000000000001" && err == nil {
				t.Fatalf("normalised to %+v", got)
			}
		})
	}
}

// fieldNames lists the sorted fields of a validation problem.
func fieldNames(err error) []string {
	var names []string
	var e *problem.Error
	if errors.As(err, &e) {
		for _, f := range e.Fields {
			names = append(names, f.Field)
		}
	}
	slices.Sort(names)
	return names
}
