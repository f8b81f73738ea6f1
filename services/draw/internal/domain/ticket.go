package domain

import (
	"crypto/sha256"
	"strconv"
)

// Ticket is one sold ticket as the draw sees it: its number in the pool,
// the public participant id of its owner, and its weight (chances).
type Ticket struct {
	Num         int64  `json:"ticket_num"`
	Participant string `json:"participant"`
	Weight      int64  `json:"weight"`
}

// TicketsHash returns E: SHA-256 over "{ticket_num}:{participant}:{weight}\n"
// for every ticket, in the order given (which must be ticket_num order).
func TicketsHash(tickets []Ticket) [32]byte {
	h := sha256.New()
	var line []byte
	for _, t := range tickets {
		line = strconv.AppendInt(line[:0], t.Num, 10)
		line = append(line, ':')
		line = append(line, t.Participant...)
		line = append(line, ':')
		line = strconv.AppendInt(line, t.Weight, 10)
		line = append(line, '\n')
		h.Write(line)
	}
	var e [32]byte
	h.Sum(e[:0])
	return e
}
