package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"tickup.dev/pkg/service"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			fmt.Fprintf(cmd.OutOrStdout(), "tickup %s (%s, %s/%s)\n", service.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
		},
	}
}
