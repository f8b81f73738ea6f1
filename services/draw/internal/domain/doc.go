// Package domain holds the Tickup draw rules: the pinned, verifiable
// algorithm tickup-draw-v1 (participant ids, the tickets hash E, the draw
// seed S, the word stream, rejection sampling, weighted winner selection)
// and the public proof that lets anyone recompute a draw.
//
// The package is pure: no I/O, no clocks, no global state. The same input
// always gives the same result, so a crashed draw resumes with the same
// winners.
package domain
