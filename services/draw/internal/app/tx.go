package app

// Tx is the pool.full consumer's unit of work: the stores bound to the transaction the
// event router opened for one batch, so a command's effects commit with the batch's inbox
// claims (adapters.Bind builds it).
type Tx struct {
	Requests DrawRequests
}
