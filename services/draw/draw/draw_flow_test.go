package draw_test

import (
	"testing"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/testenv"
)

func TestFullPoolIsDrawnOnceWithTheWinnersOfItsSeed(t *testing.T) {
	t.Parallel()
	w := newWorld(t, testenv.NATSURL(t))
	w.startDraw()
	w.startDraw() // a second replica shares the consumer and the drawer
	w.startTicketing()
	pool := w.cashPool(7, 3)
	w.fill(pool)

	e := w.awaitDrawEvent(pool.PoolID)
	w.checkEvent(e, pool)
	w.awaitDrawn(pool.PoolID)

	// A second pool.full (another message id, as after a re-publish) changes nothing.
	w.publish(events.TypePoolFull, "again-"+pool.PoolID, events.PoolFull{SchemaVersion: events.SchemaVersion,
		PoolID: pool.PoolID, PrizeID: pool.PrizeID, State: "FULL", TicketsSold: 7, TicketsRequired: 7, WinnersCount: 3})
	w.awaitPoolsConsumed()
	if n := w.dlqCount(); n != 0 {
		t.Fatalf("%d pool.full messages dead-lettered, want none", n)
	}
	var draws int64
	if err := w.db.Table("draw.draw").Where("pool_id = ?", pool.PoolID).Count(&draws).Error; err != nil || draws != 1 {
		t.Fatalf("%d draws (%v), want 1", draws, err)
	}
	if n := w.drawEvents(pool.PoolID); n != 1 {
		t.Fatalf("%d draw.completed events in the DRAW stream, want 1", n)
	}
}
