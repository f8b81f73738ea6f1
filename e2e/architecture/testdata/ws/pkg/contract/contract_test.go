package contract

import (
	"testing"

	"tickup.dev/services/b/bapi"
)

// TestNamesAService is a test of pkg that imports a service.
func TestNamesAService(t *testing.T) {
	if bapi.Name == "" {
		t.Fatal("no name")
	}
}
