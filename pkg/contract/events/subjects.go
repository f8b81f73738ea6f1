package events

import "strings"

// Root is the first token of every Tickup subject.
const Root = "tickup"

// DLQFilter matches every dead-lettered message.
const DLQFilter = Root + ".dlq.>"

// DLQSubject is where a consumer parks messages it can never process:
// tickup.dlq.<stream>.<durable>.
func DLQSubject(stream, durable string) string {
	return Root + ".dlq." + Token(stream) + "." + Token(durable)
}

// PoolFilters match every pool-scoped event (pool, ticket and draw events) of one pool,
// across the TICKETING and DRAW streams.
func PoolFilters(poolID string) []string {
	id := Token(poolID)
	return []string{
		Root + "." + ProducerTicketing + ".*.*." + id,
		Root + "." + ProducerDraw + ".*.*." + id,
	}
}

// Token makes s safe as a single subject token: separators, wildcards and whitespace
// become '_' and an empty value becomes "_", so an id can never widen or split a subject.
func Token(s string) string {
	if s == "" {
		return "_"
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '.', r == '*', r == '>', r <= ' ', r == 0x7f:
			return '_'
		}
		return r
	}, s)
}
