package k8s

import "tickup.dev/pkg/contract/events"

// consumer is a durable JetStream consumer as the contract declares it.
type consumer struct{ Stream, Durable string }

// durablesInCode returns, per service, the durable consumers it runs: the contract's list
// (pkg/contract/events.Durables), whose names the services' routers use.
func durablesInCode() map[string][]consumer {
	out := map[string][]consumer{}
	for service, ds := range events.Durables() {
		for _, d := range ds {
			out[service] = append(out[service], consumer{Stream: d.Stream, Durable: d.Name})
		}
	}
	return out
}
