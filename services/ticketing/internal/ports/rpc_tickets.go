package ports

import (
	"context"
	"strconv"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/ticketing/internal/app"
	"tickup.dev/services/ticketing/internal/domain"
)

func (p RPC) getTicket(ctx context.Context, req ticketingrpc.TicketRequest) (ticketingrpc.Ticket, error) {
	f := domain.Fields{}
	id := requiredID(f, "ticket_id", req.TicketID)
	user := optionalID(f, "user_id", req.UserID)
	if err := f.Err(); err != nil {
		return ticketingrpc.Ticket{}, err
	}
	t, err := p.app.Queries.GetTicket.Handle(ctx, id, user)
	if err != nil {
		return ticketingrpc.Ticket{}, err
	}
	return toTicket(t), nil
}

func (p RPC) listTickets(ctx context.Context, req ticketingrpc.ListTicketsRequest) (ticketingrpc.TicketPage, error) {
	f := domain.Fields{}
	filter := app.TicketFilter{UserID: optionalID(f, "user_id", req.UserID), PoolID: optionalID(f, "pool_id", req.PoolID)}
	f.Check(req.UserID != "" || req.PoolID != "", "user_id", "is required unless pool_id is set")
	page := readPage(f, req.Limit, req.Cursor, ticketingrpc.DefaultPageLimit, ticketingrpc.MaxPageLimit, isUUID)
	if err := f.Err(); err != nil {
		return ticketingrpc.TicketPage{}, err
	}
	tickets, err := p.app.Queries.ListTickets.Handle(ctx, filter, page)
	if err != nil {
		return ticketingrpc.TicketPage{}, err
	}
	tickets, next := cut(tickets, page, func(t domain.Ticket) string { return t.ID.String() })
	return ticketingrpc.TicketPage{Items: mapAll(tickets, toTicket), NextCursor: next}, nil
}

func (p RPC) ticketByPurchase(ctx context.Context, req ticketingrpc.TicketByPurchaseRequest) (ticketingrpc.PurchaseTicket, error) {
	f := domain.Fields{}
	id := requiredID(f, "purchase_id", req.PurchaseID)
	if err := f.Err(); err != nil {
		return ticketingrpc.PurchaseTicket{}, err
	}
	out, found, err := p.app.Queries.TicketByPurchase.Handle(ctx, id)
	if err != nil {
		return ticketingrpc.PurchaseTicket{}, err
	}
	resp := ticketingrpc.PurchaseTicket{PurchaseID: id.String(), Status: ticketingrpc.PurchasePending}
	if !found {
		return resp, nil
	}
	resp.Status, resp.Reason = out.Outcome, out.Reason
	if out.Ticket != nil {
		t := toTicket(*out.Ticket)
		resp.Ticket = &t
	}
	return resp, nil
}

func (p RPC) poolTickets(ctx context.Context, req ticketingrpc.PoolTicketsRequest) (ticketingrpc.PoolTicketPage, error) {
	f := domain.Fields{}
	id := requiredID(f, "pool_id", req.PoolID)
	page := readPage(f, req.Limit, req.Cursor, ticketingrpc.DefaultPoolTicketsLimit, ticketingrpc.MaxPoolTicketsLimit, isNum)
	if err := f.Err(); err != nil {
		return ticketingrpc.PoolTicketPage{}, err
	}
	after, _ := strconv.Atoi(page.After) // "" on the first page reads as 0
	tickets, err := p.app.Queries.PoolTickets.Handle(ctx, id, after, page.Limit)
	if err != nil {
		return ticketingrpc.PoolTicketPage{}, err
	}
	tickets, next := cut(tickets, page, func(t domain.Ticket) string { return strconv.Itoa(t.Num) })
	return ticketingrpc.PoolTicketPage{Items: mapAll(tickets, toPoolTicket), NextCursor: next}, nil
}

func toPoolTicket(t domain.Ticket) ticketingrpc.PoolTicket {
	return ticketingrpc.PoolTicket{TicketNum: t.Num, TicketID: t.ID.String(), UserID: t.UserID.String(), Weight: t.Weight}
}
