package app

// Application is the table of contents of draw's use cases: the ports call these and
// nothing else. RequestDraw is not listed: it is the unit of work of ticketing's pool.full
// events, bound by the event router to each batch's transaction (draw/wire.go).
type Application struct {
	Commands Commands
	Queries  Queries
}

// Commands change draw's state.
type Commands struct {
	CommitPool    CommitPool    // make and keep a pool's secret seed and terms; answer the commitment
	DrawPool      DrawPool      // draw the next due pool (the drawer worker's step)
	NotifyWinners NotifyWinners // send the next due winner notification (the notifier's step)
}

// Queries read it.
type Queries struct {
	GetProof   GetProof   // a drawn pool's public proof, a page at a time
	VerifyDraw VerifyDraw // recompute a stored draw from its proof, seed and tickets
}
