package domain

import (
	"fmt"
	"math"
	"testing"
)

const fairnessDraws = 20000

// winCounts runs fairnessDraws single-winner draws, each with its own seed,
// and counts the wins of each ticket (index = ticket_num − 1).
func winCounts(t *testing.T, weights []int64) []int {
	t.Helper()
	tickets := make([]Ticket, len(weights))
	for i, w := range weights {
		tickets[i] = Ticket{Num: int64(i + 1), Participant: fmt.Sprintf("%016x", i), Weight: w}
	}
	counts := make([]int, len(weights))
	for i := range fairnessDraws {
		res, err := Draw(Input{PoolID: vectorPoolID, Seed: seedFor(i), Tickets: tickets, WinnersCount: 1})
		if err != nil {
			t.Fatal(err)
		}
		counts[res.Winners[0].TicketNum-1]++
	}
	return counts
}

func TestFairnessEqualWeightsChiSquare(t *testing.T) {
	t.Parallel()
	weights := []int64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}
	counts := winCounts(t, weights)
	expected := float64(fairnessDraws) / float64(len(weights))
	var chi2 float64
	for _, c := range counts {
		chi2 += (float64(c) - expected) * (float64(c) - expected) / expected
	}
	const critical = 27.877 // 9 degrees of freedom, p = 0.001
	if chi2 >= critical {
		t.Errorf("chi-square = %.3f ≥ %.3f for counts %v", chi2, critical, counts)
	}
	t.Logf("counts %v, chi-square %.3f", counts, chi2)
}

func TestFairnessWeightedTicketWinsHalf(t *testing.T) {
	t.Parallel()
	counts := winCounts(t, []int64{1, 1, 2})
	mean := fairnessDraws * 0.5
	sigma := math.Sqrt(fairnessDraws * 0.5 * 0.5)
	t.Logf("counts %v", counts)
	if diff := math.Abs(float64(counts[2]) - mean); diff > 3*sigma {
		t.Errorf("weight-2 ticket won %d of %d draws, more than 3σ (%.1f) from %.0f", counts[2], fairnessDraws, 3*sigma, mean)
	}
}
