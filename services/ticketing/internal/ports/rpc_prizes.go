package ports

import (
	"context"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/ticketing/internal/domain"
)

func (p RPC) createPrize(ctx context.Context, req ticketingrpc.CreatePrizeRequest) (ticketingrpc.Prize, error) {
	prize, err := p.app.Commands.CreatePrize.Handle(ctx, domain.Prize{Title: req.Title, Description: req.Description,
		ValueCents: req.ValueCents, Currency: req.Currency, Stock: req.Stock, Kind: req.Kind,
		SponsorName: req.SponsorName, SponsorURL: req.SponsorURL, SponsorLogoURL: req.SponsorLogoURL})
	if err != nil {
		return ticketingrpc.Prize{}, err
	}
	return toPrize(prize), nil
}

func (p RPC) getPrize(ctx context.Context, req ticketingrpc.PrizeRequest) (ticketingrpc.Prize, error) {
	f := domain.Fields{}
	id := requiredID(f, "prize_id", req.PrizeID)
	if err := f.Err(); err != nil {
		return ticketingrpc.Prize{}, err
	}
	prize, err := p.app.Queries.GetPrize.Handle(ctx, id)
	if err != nil {
		return ticketingrpc.Prize{}, err
	}
	return toPrize(prize), nil
}

func (p RPC) listPrizes(ctx context.Context, req ticketingrpc.ListPrizesRequest) (ticketingrpc.PrizePage, error) {
	f := domain.Fields{}
	page := readPage(f, req.Limit, req.Cursor, ticketingrpc.DefaultPageLimit, ticketingrpc.MaxPageLimit, isUUID)
	if err := f.Err(); err != nil {
		return ticketingrpc.PrizePage{}, err
	}
	prizes, err := p.app.Queries.ListPrizes.Handle(ctx, page)
	if err != nil {
		return ticketingrpc.PrizePage{}, err
	}
	prizes, next := cut(prizes, page, func(x domain.Prize) string { return x.ID.String() })
	return ticketingrpc.PrizePage{Items: mapAll(prizes, toPrize), NextCursor: next}, nil
}

func (p RPC) updatePrize(ctx context.Context, req ticketingrpc.UpdatePrizeRequest) (ticketingrpc.Prize, error) {
	f := domain.Fields{}
	id := requiredID(f, "prize_id", req.PrizeID)
	if err := f.Err(); err != nil {
		return ticketingrpc.Prize{}, err
	}
	prize, err := p.app.Commands.UpdatePrize.Handle(ctx, id, domain.PrizePatch{Title: req.Title, Description: req.Description,
		Currency: req.Currency, Kind: req.Kind, SponsorName: req.SponsorName, SponsorURL: req.SponsorURL,
		SponsorLogoURL: req.SponsorLogoURL, ValueCents: req.ValueCents, Stock: req.Stock})
	if err != nil {
		return ticketingrpc.Prize{}, err
	}
	return toPrize(prize), nil
}

func (p RPC) deletePrize(ctx context.Context, req ticketingrpc.PrizeRequest) (ticketingrpc.Deleted, error) {
	f := domain.Fields{}
	id := requiredID(f, "prize_id", req.PrizeID)
	if err := f.Err(); err != nil {
		return ticketingrpc.Deleted{}, err
	}
	if err := p.app.Commands.DeletePrize.Handle(ctx, id); err != nil {
		return ticketingrpc.Deleted{}, err
	}
	return ticketingrpc.Deleted{Deleted: true}, nil
}
