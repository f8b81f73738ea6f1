package walletaudit_test

import (
	"testing"

	"gorm.io/gorm"
)

// behindTriggers runs sql with the schema's triggers off, to plant books that today's rules
// refuse but an older release (or a hand edit) may have left.
func (b books) behindTriggers(t *testing.T, sql string, args ...any) {
	t.Helper()
	err := b.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`SET LOCAL session_replication_role = replica`).Error; err != nil {
			return err
		}
		return tx.Exec(sql, args...).Error
	})
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}
