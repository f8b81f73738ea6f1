// Command api runs the Tickup API gateway alone (DATABASE_URL, NATS_URL and BACKEND_PORT configure it).
package main

import (
	"tickup.dev/pkg/service"
	"tickup.dev/services/api/api"
)

func main() { service.Main("api", api.Run) }
