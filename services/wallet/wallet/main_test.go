package wallet_test

import (
	"os"
	"testing"

	"tickup.dev/pkg/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.RunMain(m)) }
