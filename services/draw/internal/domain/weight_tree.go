package domain

// weightTree is a Fenwick tree over ticket weights. find(x) returns the
// first ticket, in ticket order, whose cumulative weight exceeds x: the
// same ticket as walking the remaining tickets, but in O(log N) per pick.
// Removed tickets keep their slot with weight 0, so they are never chosen.
type weightTree struct {
	sums  []uint64 // 1-based
	total uint64
}

// newWeightTree builds the tree in O(N). Weights are already validated.
func newWeightTree(tickets []Ticket) *weightTree {
	t := &weightTree{sums: make([]uint64, len(tickets)+1)}
	for i, tk := range tickets {
		t.total += uint64(tk.Weight)
		t.sums[i+1] += uint64(tk.Weight)
		if j := i + 1 + (i+1)&-(i+1); j < len(t.sums) {
			t.sums[j] += t.sums[i+1]
		}
	}
	return t
}

// remove takes weight w away from the ticket at 0-based index i.
func (t *weightTree) remove(i int, w uint64) {
	t.total -= w
	for j := i + 1; j < len(t.sums); j += j & -j {
		t.sums[j] -= w
	}
}

// find returns the 0-based index of the first ticket whose cumulative
// weight is > x. It requires x < total.
func (t *weightTree) find(x uint64) int {
	pos, step := 0, 1
	for step*2 < len(t.sums) {
		step *= 2
	}
	for ; step > 0; step /= 2 {
		if next := pos + step; next < len(t.sums) && t.sums[next] <= x {
			pos = next
			x -= t.sums[next]
		}
	}
	return pos
}
