package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/spf13/cobra"

	"tickup.dev/cmd/tickup/benchreport"
)

func newBenchReportCmd() *cobra.Command {
	var in, out, tps string
	cmd := &cobra.Command{
		Use:    "bench-report --in BENCH_OUTPUT --out bench/results.json [--pgbench-tps N]",
		Short:  "Judge a `go test -bench` run against the performance targets (make bench calls it)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := os.Open(in)
			if err != nil {
				return err
			}
			defer f.Close()
			metrics, err := benchreport.Parse(f)
			if err != nil {
				return fmt.Errorf("read %s: %w", in, err)
			}
			var pgbench *float64
			if tps != "" {
				v, err := strconv.ParseFloat(tps, 64)
				if err != nil || v <= 0 {
					return fmt.Errorf("--pgbench-tps must be a positive number, got %q", tps)
				}
				pgbench = &v
			}
			res := benchreport.Build(metrics, pgbench)
			res.Print(cmd.OutOrStdout())
			w, err := os.Create(out)
			if err != nil {
				return err
			}
			defer w.Close()
			return res.WriteJSON(w)
		},
	}
	cmd.Flags().StringVar(&in, "in", "", "the benchmark output")
	cmd.Flags().StringVar(&out, "out", "bench/results.json", "where to write the results")
	cmd.Flags().StringVar(&tps, "pgbench-tps", "", "the run's pgbench TPS (empty: not measured)")
	_ = cmd.MarkFlagRequired("in")
	return cmd
}
