package app

// Application is the table of contents of draw's use cases: the ports call these and
// nothing else. draw/wire.go, the composition root, builds it once over the adapters.
type Application struct {
	Commands Commands
	Queries  Queries
}

// Commands change draw's state. RequestDraw runs in the pool.full consumer's unit of work
// Tx; the others keep their own transactions.
type Commands struct {
	CommitPool    CommitPool    // make and keep a pool's secret seed and terms; answer the commitment
	RequestDraw   RequestDraw   // queue a full pool for its draw, its beacon round fixed (event)
	DrawPool      DrawPool      // draw the next due pool (the drawer worker's step)
	NotifyWinners NotifyWinners // send the next due winner notification (the notifier's step)
}

// Queries read it.
type Queries struct {
	GetProof   GetProof   // a drawn pool's public proof, a page at a time
	VerifyDraw VerifyDraw // recompute a stored draw from its proof, seed and tickets
}
