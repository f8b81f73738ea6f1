package ports

import (
	"encoding/hex"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/ticketing/internal/domain"
)

func toPrize(p domain.Prize) ticketingrpc.Prize {
	return ticketingrpc.Prize{PrizeID: p.ID.String(), Title: p.Title, Description: p.Description,
		ValueCents: p.ValueCents, Currency: p.Currency, Stock: p.Stock, Kind: p.Kind, SponsorName: p.SponsorName,
		SponsorURL: p.SponsorURL, SponsorLogoURL: p.SponsorLogoURL, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
}

func toPool(p domain.Pool) ticketingrpc.Pool {
	return ticketingrpc.Pool{PoolID: p.ID.String(), PrizeID: p.PrizeID.String(), TicketPriceCents: p.TicketPriceCents,
		Currency: p.Currency, TicketsRequired: p.TicketsRequired, TicketsSold: p.TicketsSold, State: string(p.State),
		MaxTicketsPerUser: p.MaxTicketsPerUser, BoostPriceCents: p.BoostPriceCents, MaxBoostsPerUser: p.MaxBoostsPerUser,
		RetryPriceCents: p.RetryPriceCents, ClosesAt: p.ClosesAt, WinnersCount: p.WinnersCount,
		DrawCommitment: hex.EncodeToString(p.DrawCommitment), DrawTerms: toDrawTerms(p.DrawTerms),
		CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
}

func toDrawTerms(t *domain.DrawTerms) *ticketingrpc.DrawTerms {
	if t == nil {
		return nil
	}
	out := &ticketingrpc.DrawTerms{WinnersCount: t.WinnersCount}
	if t.Beacon != nil {
		out.Beacon = &ticketingrpc.DrawTermsBeacon{ChainHash: t.Beacon.ChainHash, RoundRule: t.Beacon.RoundRule}
	}
	return out
}

func toTicket(t domain.Ticket) ticketingrpc.Ticket {
	out := ticketingrpc.Ticket{TicketID: t.ID.String(), PoolID: t.PoolID.String(), UserID: t.UserID.String(),
		PurchaseID: t.PurchaseID.String(), TicketNum: t.Num, Weight: t.Weight, Source: t.Source,
		VoidedAt: t.VoidedAt, CreatedAt: t.CreatedAt}
	if t.RetryOf != nil {
		s := t.RetryOf.String()
		out.RetryOfTicketID = &s
	}
	if t.Outcome != "" {
		out.Outcome = &t.Outcome
	}
	return out
}

func mapAll[T, U any](in []T, fn func(T) U) []U {
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = fn(v)
	}
	return out
}
