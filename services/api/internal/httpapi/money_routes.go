package httpapi

import "net/http"

// moneyRoutes are the routes through which a user's money moves: buying, redeeming a paid
// purchase, topping up and withdrawing. An anonymous sign-in (a guest without an account)
// may browse and stream, but not use these; the list lives here, beside the chain that
// enforces it, so that no module can forget the check.
var moneyRoutes = map[string]bool{
	http.MethodPost + " /purchases":          true,
	http.MethodPost + " /tickets":            true,
	http.MethodPost + " /wallet/topups":      true,
	http.MethodPost + " /wallet/withdrawals": true,
}

// isMoneyRoute reports whether route moves a user's money.
func isMoneyRoute(route Route) bool {
	return route.Access.authenticated() && moneyRoutes[route.Method+" "+route.Path]
}
