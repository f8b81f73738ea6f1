// Package property runs random sequences of everything that moves a wallet's money — top-ups,
// purchases, cancellations, reversals, adjustments, withdrawals, prize payouts and
// redelivered events — against the real wallet on real PostgreSQL, and checks after each
// sequence that the books balance and no money was given twice.
package property

import (
	"os"
	"testing"

	"tickup.dev/pkg/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.RunMain(m)) }
