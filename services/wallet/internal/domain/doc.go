// Package domain holds the wallet's entities and rules — accounts, holds, ledger entries,
// top-ups and withdrawals, and the state machines between them — without any I/O.
package domain
