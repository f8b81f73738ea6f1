package main

import (
	"github.com/spf13/cobra"

	"tickup.dev/pkg/natsserver"
)

// newNATSNodeCmd runs one node of a loopback JetStream cluster as its own process, so a
// fault drill (tickup chaos) can kill -9 it like a real server.
func newNATSNodeCmd() *cobra.Command {
	var n natsserver.NodeOptions
	cmd := &cobra.Command{
		Use:    "nats-node --name N --port P --cluster-port C --routes C2,C3 --store DIR",
		Short:  "Run one clustered NATS JetStream node on loopback until SIGTERM (for tickup chaos)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := natsserver.StartNode(n)
			if err != nil {
				return err
			}
			<-cmd.Context().Done()
			s.Shutdown()
			s.WaitForShutdown()
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&n.Name, "name", "tickup-1", "server name")
	f.IntVar(&n.Port, "port", 4222, "client port")
	f.IntVar(&n.ClusterPort, "cluster-port", 6222, "route port")
	f.IntSliceVar(&n.Routes, "routes", nil, "the other nodes' route ports")
	f.StringVar(&n.StoreDir, "store", "", "JetStream store directory")
	_ = cmd.MarkFlagRequired("store")
	return cmd
}
