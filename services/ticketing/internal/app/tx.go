package app

// Tx is the event consumers' unit of work: the stores bound to the transaction the router
// opened for one batch, so a command's effects commit with the batch's inbox claims.
type Tx struct {
	Issuance  Issuance
	Draws     Draws
	Reversals Reversals
}
