// Command ticketing runs the Tickup ticketing service alone (DATABASE_URL and NATS_URL configure it).
package main

import (
	"tickup.dev/pkg/service"
	"tickup.dev/services/ticketing/ticketing"
)

func main() { service.Main("ticketing", ticketing.Run) }
