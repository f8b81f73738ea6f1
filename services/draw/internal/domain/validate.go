package domain

import (
	"fmt"
	"math"
)

// InputError says which part of a draw input is invalid and why. Ports map
// it to a client error; errors.As finds it.
type InputError struct {
	Field   string
	Problem string
}

// Error implements error.
func (e *InputError) Error() string {
	return "invalid draw input: " + e.Field + ": " + e.Problem
}

func inputErr(field, format string, args ...any) *InputError {
	return &InputError{Field: field, Problem: fmt.Sprintf(format, args...)}
}

// validate checks every rule the algorithm relies on, first failure wins.
func (in Input) validate() error {
	if !isCanonicalUUID(in.PoolID) {
		return inputErr("pool_id", "%q is not a canonical lowercase UUID", in.PoolID)
	}
	if len(in.Seed) != SeedLen {
		return inputErr("seed", "is %d bytes, want %d", len(in.Seed), SeedLen)
	}
	if err := validateTickets(in.Tickets); err != nil {
		return err
	}
	if in.WinnersCount < 1 || in.WinnersCount > len(in.Tickets) {
		return inputErr("winners_count", "%d is not between 1 and the %d tickets", in.WinnersCount, len(in.Tickets))
	}
	if in.Beacon != nil && len(in.Beacon.Randomness) != 32 {
		return inputErr("beacon.randomness", "is %d bytes, want 32", len(in.Beacon.Randomness))
	}
	return nil
}

// validateTickets requires tickets in ticket_num order with numbers ≥ 1 and
// strictly increasing (a voided ticket's number is left out, never reused),
// each with a well-formed participant and weight ≥ 1, and a total weight that fits.
func validateTickets(tickets []Ticket) error {
	if len(tickets) == 0 {
		return inputErr("tickets", "no tickets")
	}
	var total, prev int64
	for i, t := range tickets {
		if err := validateTicket(i, t, prev, total); err != nil {
			return err
		}
		prev, total = t.Num, total+t.Weight
	}
	return nil
}

// validateTicket checks the ticket at index i, given the number and the total
// weight before it (0 and 0 for the first).
func validateTicket(i int, t Ticket, prev, total int64) error {
	field := func(name string) string { return fmt.Sprintf("tickets[%d].%s", i, name) }
	switch {
	case t.Num < 1:
		return inputErr(field("ticket_num"), "is %d, want at least 1", t.Num)
	case t.Num <= prev:
		return inputErr(field("ticket_num"), "is %d after %d (numbers must be strictly increasing)", t.Num, prev)
	case !isLowerHex(t.Participant, participantLen):
		return inputErr(field("participant"), "%q is not %d lowercase hex characters", t.Participant, participantLen)
	case t.Weight < 1:
		return inputErr(field("weight"), "is %d, want at least 1", t.Weight)
	case t.Weight > math.MaxInt64-total:
		return inputErr(field("weight"), "makes the total weight overflow")
	}
	return nil
}
