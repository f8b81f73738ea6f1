package chaos

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// Report is what a run did and what held; Violations empty means every invariant held.
type Report struct {
	Seed           uint64           `json:"seed"`
	Duration       string           `json:"duration"`
	Plant          string           `json:"plant,omitempty"`
	Faults         []FaultRecord    `json:"faults"`
	Counts         map[string]int64 `json:"counts"`
	QuiesceSeconds float64          `json:"quiesce_seconds"`
	Checks         []Check          `json:"checks"`
	DeadLetters    []string         `json:"dead_letters"`
	Violations     []string         `json:"violations"`
}

// Check is one invariant and whether it held.
type Check struct {
	Name   string `json:"name"`
	Held   bool   `json:"held"`
	Detail string `json:"detail,omitempty"`
}

func (r *Report) violate(check, detail string) {
	r.Violations = append(r.Violations, check+": "+detail)
}

// record adds a check; one that did not hold is a violation too.
func (r *Report) record(name string, held bool, detail string) {
	r.Checks = append(r.Checks, Check{Name: name, Held: held, Detail: detail})
	if !held {
		r.violate(name, detail)
	}
}

// Print writes the report for a person.
func (r Report) Print(w io.Writer) {
	fmt.Fprintf(w, "chaos run: seed %d, %s of load, %d faults, quiesced in %.1fs\n", r.Seed, r.Duration, len(r.Faults), r.QuiesceSeconds)
	for _, f := range r.Faults {
		fmt.Fprintf(w, "  fault at %6.1fs  %-20s %s %s\n", f.AtSeconds, f.Kind, f.Target, f.Error)
	}
	fmt.Fprintf(w, "counts: %v\n", r.Counts)
	for _, c := range r.Checks {
		mark := "held"
		if !c.Held {
			mark = "VIOLATED"
		}
		fmt.Fprintf(w, "  %-8s %s %s\n", mark, c.Name, c.Detail)
	}
	fmt.Fprintf(w, "dead letters: %d\n", len(r.DeadLetters))
	if len(r.Violations) == 0 {
		fmt.Fprintf(w, "every invariant held\n")
	}
	for _, v := range r.Violations {
		fmt.Fprintf(w, "VIOLATION %s\n", v)
	}
}

// WriteJSON writes the report to path.
func (r Report) WriteJSON(path string) error {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
