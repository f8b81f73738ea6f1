// Package app holds the ticketing use cases: one handler type per command or query, each in
// its own file, listed in Application. The interfaces they need are declared here; the
// domain keeps the rules and the adapters load and save.
package app

import "time"

// Application is the table of contents of the ticketing service.
type Application struct {
	Commands Commands
	Queries  Queries
}

// Commands change state. The event-driven ones (IssueTickets, RecordDraw, VoidReversed)
// run in the consumer's unit of work Tx; the others keep their own transactions.
type Commands struct {
	CreatePrize    CreatePrize
	UpdatePrize    UpdatePrize
	DeletePrize    DeletePrize
	CreatePool     CreatePool
	UpdatePool     UpdatePool
	CancelPool     CancelPool
	StartPool      StartPool
	SweepDeadlines SweepDeadlines
	IssueTickets   IssueTickets
	RecordDraw     RecordDraw
	VoidReversed   VoidReversed
}

// Queries read state.
type Queries struct {
	GetPrize         GetPrize
	ListPrizes       ListPrizes
	GetPool          GetPool
	ListPools        ListPools
	GetTicket        GetTicket
	ListTickets      ListTickets
	TicketByPurchase TicketByPurchase
	PoolTickets      PoolTickets
}

// Deps are what the use cases run on outside an event consumer's transaction.
type Deps struct {
	Prizes  Prizes
	Pools   Pools
	Tickets Tickets
	Draw    Committer
	Now     func() time.Time
}

// New builds the application on d.
func New(d Deps) Application {
	return Application{
		Commands: Commands{
			CreatePrize: CreatePrize{Prizes: d.Prizes, Now: d.Now}, UpdatePrize: UpdatePrize{Prizes: d.Prizes, Now: d.Now},
			DeletePrize: DeletePrize{Prizes: d.Prizes, Now: d.Now},
			CreatePool:  CreatePool{Pools: d.Pools, Prizes: d.Prizes, Draw: d.Draw, Now: d.Now},
			UpdatePool:  UpdatePool{Pools: d.Pools, Now: d.Now}, CancelPool: CancelPool{Pools: d.Pools, Now: d.Now},
			StartPool: StartPool{Pools: d.Pools, Now: d.Now}, SweepDeadlines: SweepDeadlines{Pools: d.Pools, Now: d.Now},
			IssueTickets: IssueTickets{Now: d.Now}, RecordDraw: RecordDraw{Now: d.Now}, VoidReversed: VoidReversed{Now: d.Now},
		},
		Queries: Queries{
			GetPrize: GetPrize{Prizes: d.Prizes}, ListPrizes: ListPrizes{Prizes: d.Prizes},
			GetPool: GetPool{Pools: d.Pools}, ListPools: ListPools{Pools: d.Pools},
			GetTicket: GetTicket{Tickets: d.Tickets}, ListTickets: ListTickets{Tickets: d.Tickets},
			TicketByPurchase: TicketByPurchase{Tickets: d.Tickets},
			PoolTickets:      PoolTickets{Pools: d.Pools, Tickets: d.Tickets},
		},
	}
}
