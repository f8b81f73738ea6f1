package events

// Durable consumer names: each is shared by every replica of the service that runs it, and
// is what operators watch (lag, KEDA triggers, tickup status).
const (
	DurableAPIWallet          = "api-wallet"
	DurableAPITicketing       = "api-ticketing"
	DurableTicketingPurchases = "ticketing-purchases"
	DurableTicketingDraws     = "ticketing-draws"
	DurableTicketingReversals = "ticketing-reversals"
	DurableWalletAPI          = "wallet-api"
	DurableWalletTicketing    = "wallet-ticketing"
	DurableWalletDraw         = "wallet-draw"
	DurableDrawPools          = "draw-pools"
)

// Durable is one durable consumer: the stream it reads and its name.
type Durable struct {
	Stream, Name string
}

// Durables lists, per service, the durable consumers it runs. The services' routers use
// these names; deployments scale the workers on their lag.
func Durables() map[string][]Durable {
	return map[string][]Durable{
		ProducerAPI: {{StreamWallet, DurableAPIWallet}, {StreamTicketing, DurableAPITicketing}},
		ProducerTicketing: {{StreamAPI, DurableTicketingPurchases}, {StreamDraw, DurableTicketingDraws},
			{StreamAPI, DurableTicketingReversals}},
		ProducerWallet: {{StreamAPI, DurableWalletAPI}, {StreamTicketing, DurableWalletTicketing}, {StreamDraw, DurableWalletDraw}},
		ProducerDraw:   {{StreamTicketing, DurableDrawPools}},
	}
}
