package ticketingrpc

// Problem types of ticketing's refusals (rpc.Problem.Type). The problem's Status is the
// HTTP status the gateway answers with; 422 problems list the bad fields in Errors.
const (
	TypeValidation      = "https://tickup.dev/problems/validation-failed"   // 422
	TypePrizeNotFound   = "https://tickup.dev/problems/prize-not-found"     // 404
	TypePoolNotFound    = "https://tickup.dev/problems/pool-not-found"      // 404
	TypeTicketNotFound  = "https://tickup.dev/problems/ticket-not-found"    // 404
	TypePrizeOutOfStock = "https://tickup.dev/problems/prize-out-of-stock"  // 409
	TypePrizeInUse      = "https://tickup.dev/problems/prize-in-use"        // 409
	TypePoolNotOpen     = "https://tickup.dev/problems/pool-not-open"       // 409
	TypePoolHasSales    = "https://tickup.dev/problems/pool-has-sales"      // 409
	TypePoolState       = "https://tickup.dev/problems/pool-state-conflict" // 409
	TypeDrawUnavailable = "https://tickup.dev/problems/draw-unavailable"    // 503
)

// Page sizes of the list endpoints: a zero limit takes the default, one above the maximum
// is a validation problem.
const (
	DefaultPageLimit        = 50
	MaxPageLimit            = 200
	DefaultPoolTicketsLimit = 1000
	MaxPoolTicketsLimit     = 5000
)
