package events

// Stream describes a JetStream stream: its name and the subjects it captures.
type Stream struct {
	Name     string
	Subjects []string
}

// Stream names, one per producer plus the dead-letter stream.
const (
	StreamAPI       = "API"
	StreamTicketing = "TICKETING"
	StreamWallet    = "WALLET"
	StreamDraw      = "DRAW"
	StreamDLQ       = "DLQ"
)

// Streams lists every stream Tickup needs; services create them idempotently at start-up.
func Streams() []Stream {
	return []Stream{
		{Name: StreamAPI, Subjects: []string{Root + "." + ProducerAPI + ".>"}},
		{Name: StreamTicketing, Subjects: []string{Root + "." + ProducerTicketing + ".>"}},
		{Name: StreamWallet, Subjects: []string{Root + "." + ProducerWallet + ".>"}},
		{Name: StreamDraw, Subjects: []string{Root + "." + ProducerDraw + ".>"}},
		{Name: StreamDLQ, Subjects: []string{DLQFilter}},
	}
}
