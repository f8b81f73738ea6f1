// Command draw runs the Tickup draw service alone (DATABASE_URL and NATS_URL configure it).
package main

import (
	"tickup.dev/pkg/service"
	"tickup.dev/services/draw/draw"
)

func main() { service.Main("draw", draw.Run) }
