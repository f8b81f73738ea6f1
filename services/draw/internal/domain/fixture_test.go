package domain

import (
	"bytes"
	"fmt"
	"slices"
)

// vectorPoolID and vectorUser come from the tickup-draw-v1 test vectors.
const vectorPoolID = "0190a7e2-0000-7000-8000-000000000001"

// vectorE is the tickets hash of the vectors' ten tickets.
const vectorE = "65e7c757d8aef551bde3ad766480626b86f369d35ecfde12c984ea069d0d5303"

func vectorUser(u int) string {
	return fmt.Sprintf("00000000-0000-4000-8000-00000000000%d", u)
}

// testChainHash names drand's quicknet chain in test terms.
const testChainHash = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971"

// vectorSeed is the bytes 0x00…0x1f.
func vectorSeed() []byte {
	seed := make([]byte, SeedLen)
	for i := range seed {
		seed[i] = byte(i)
	}
	return seed
}

// vectorTickets are tickets 1..10, ticket t owned by user ((t−1) mod 4)+1,
// weight 2 for ticket 3 and 1 otherwise.
func vectorTickets() []Ticket {
	tickets := make([]Ticket, 10)
	for i := range tickets {
		t := int64(i + 1)
		tickets[i] = Ticket{Num: t, Participant: Participant(vectorPoolID, vectorUser(i%4+1)), Weight: 1}
		if t == 3 {
			tickets[i].Weight = 2
		}
	}
	return tickets
}

func vectorInput(k int, beacon *Beacon) Input {
	return Input{PoolID: vectorPoolID, Seed: vectorSeed(), Tickets: vectorTickets(), WinnersCount: k, Beacon: beacon}
}

// withoutTicket is in less ticket num, as ticketing lists a pool whose ticket num was
// voided by a card refund: the other tickets keep their numbers.
func withoutTicket(in Input, num int64) Input {
	in.Tickets = slices.DeleteFunc(in.Tickets, func(t Ticket) bool { return t.Num == num })
	return in
}

func fcBeacon() *Beacon {
	return &Beacon{Round: 1, Randomness: bytes.Repeat([]byte{0xfc}, 32)}
}

func ticketNums(winners []Winner) []int64 {
	nums := make([]int64, len(winners))
	for i, w := range winners {
		nums[i] = w.TicketNum
	}
	return nums
}

// seedFor is the seed of draw number i in the statistical tests.
func seedFor(i int) []byte {
	c := Commitment(fmt.Appendf(nil, "%d", i))
	return c[:]
}
