// Command wallet runs the Tickup wallet service alone (DATABASE_URL and NATS_URL configure it).
package main

import (
	"tickup.dev/pkg/service"
	"tickup.dev/services/wallet/wallet"
)

func main() { service.Main("wallet", wallet.Run) }
