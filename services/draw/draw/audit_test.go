package draw_test

import (
	"context"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/db"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/draw/draw"
	"tickup.dev/services/draw/internal/adapters"
	"tickup.dev/services/draw/internal/app"
)

// drawInvariants are queries that return one line per violated invariant of draw's tables.
var drawInvariants = []string{
	`SELECT 'draw ' || d.pool_id || ': n is ' || d.n || ', ' || count(t.*) || ' tickets stored'
		FROM draw.draw d LEFT JOIN draw.draw_ticket t USING (draw_id) GROUP BY d.draw_id HAVING d.n <> count(t.*)`,
	`SELECT 'draw ' || d.pool_id || ': ' || count(w.*) || ' winners stored of ' || d.winners_count
		FROM draw.draw d LEFT JOIN draw.draw_winner w USING (draw_id) GROUP BY d.draw_id HAVING d.winners_count <> count(w.*)`,
	`SELECT 'draw ' || pool_id || ': proof_hash is not SHA-256 of the proof' FROM draw.draw
		WHERE proof_hash <> encode(sha256(proof), 'hex')`,
	`SELECT 'draw ' || d.pool_id || ': request not marked drawn' FROM draw.draw d
		LEFT JOIN draw.draw_request r USING (pool_id) WHERE r.drawn_at IS NULL`,
	`SELECT 'request ' || r.pool_id || ': marked drawn without a draw' FROM draw.draw_request r
		WHERE r.drawn_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM draw.draw d WHERE d.pool_id = r.pool_id)`,
	`SELECT 'draw ' || d.pool_id || ': ' || count(o.*) || ' draw.completed events in the outbox'
		FROM draw.draw d LEFT JOIN draw.outbox o ON o.aggregate_id = d.pool_id::text AND o.event_type = '` +
		string(events.TypeDrawCompleted) + `' GROUP BY d.pool_id HAVING count(o.*) <> 1`,
	`SELECT 'notification ' || n.id || ': attempts ' || n.attempts || ', ' || count(a.*) || ' recorded'
		FROM draw.notification n LEFT JOIN draw.notification_attempt a ON a.notification_id = n.id
		GROUP BY n.id HAVING n.attempts <> count(a.*)`,
	`SELECT 'notification ' || n.id || ': status ' || n.status || ' but ' || count(a.*) FILTER (WHERE a.status_code BETWEEN 200 AND 299) || ' 2xx attempts'
		FROM draw.notification n LEFT JOIN draw.notification_attempt a ON a.notification_id = n.id
		GROUP BY n.id HAVING (n.status = 'DELIVERED') <> (count(a.*) FILTER (WHERE a.status_code BETWEEN 200 AND 299) = 1)`,
}

// audit fails the test for every broken invariant, and for every stored draw that does not
// verify (pools a test tampered with aside).
func (w *world) audit() {
	for _, q := range drawInvariants {
		var lines []string
		if err := w.db.Raw(q).Scan(&lines).Error; err != nil {
			w.t.Errorf("audit query: %v", err)
		}
		for _, l := range lines {
			w.t.Errorf("invariant broken: %s", l)
		}
	}
	w.auditVerify()
}

// auditVerify runs the server-side verification on every stored draw; it reads the
// database directly, since the services have stopped when the audit runs.
func (w *world) auditVerify() {
	dsn, err := db.WithSearchPath(w.admin, draw.Name)
	if err != nil {
		w.t.Errorf("audit: %v", err)
		return
	}
	reader := adapters.DrawReader{DB: testenv.Open(w.t, dsn)}
	var pools []uuid.UUID
	if err := w.db.Raw(`SELECT pool_id FROM draw.draw`).Scan(&pools).Error; err != nil {
		w.t.Errorf("audit: %v", err)
	}
	for _, p := range pools {
		if w.tampered[p.String()] {
			continue
		}
		st, err := reader.Stored(context.Background(), p)
		if err != nil {
			w.t.Errorf("audit: %v", err)
			continue
		}
		if found := app.CheckStored(st); len(found) > 0 {
			w.t.Errorf("draw of pool %s does not verify: %v", p, found)
		}
	}
}
