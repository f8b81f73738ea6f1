package main

import (
	"context"
	"fmt"
	"io"

	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
)

// consumerLag is what waits for one durable consumer.
type consumerLag struct {
	stream, durable              string
	pending, ackPending, redeliv uint64
}

// consumerLags lists every consumer of the event streams and counts the dead letters per
// DLQ subject (tickup.dlq.<stream>.<durable>).
func consumerLags(ctx context.Context, conn *bus.Conn) ([]consumerLag, map[string]uint64, error) {
	var lags []consumerLag
	for _, s := range events.Streams() {
		if s.Name == events.StreamDLQ {
			continue
		}
		stream, err := conn.JS.Stream(ctx, s.Name)
		if err != nil {
			return lags, nil, fmt.Errorf("stream %s: %w", s.Name, err)
		}
		list := stream.ListConsumers(ctx)
		for ci := range list.Info() {
			lags = append(lags, consumerLag{stream: s.Name, durable: ci.Name, pending: ci.NumPending,
				ackPending: uint64(ci.NumAckPending), redeliv: uint64(ci.NumRedelivered)})
		}
		if err := list.Err(); err != nil {
			return lags, nil, fmt.Errorf("consumers of %s: %w", s.Name, err)
		}
	}
	dlq, err := deadLetterCounts(ctx, conn)
	return lags, dlq, err
}

func deadLetterCounts(ctx context.Context, conn *bus.Conn) (map[string]uint64, error) {
	s, err := conn.JS.Stream(ctx, events.StreamDLQ)
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", events.StreamDLQ, err)
	}
	info, err := s.Info(ctx, jetstream.WithSubjectFilter(events.DLQFilter))
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", events.StreamDLQ, err)
	}
	return info.State.Subjects, nil
}

func printConsumers(w io.Writer, lags []consumerLag, dlq map[string]uint64) {
	fmt.Fprintln(w, "\nCONSUMER\tSTREAM\tPENDING\tACK-PENDING\tREDELIVERED\tDEAD-LETTERS")
	for _, l := range lags {
		fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%d\t%d\n", l.durable, l.stream, l.pending, l.ackPending, l.redeliv,
			dlq[events.DLQSubject(l.stream, l.durable)])
	}
	var total uint64
	for _, n := range dlq {
		total += n
	}
	fmt.Fprintf(w, "\nDLQ\t%d dead letter(s)", total)
	if total > 0 {
		fmt.Fprint(w, "\t(tickup dlq ls)")
	}
	fmt.Fprintln(w)
}
