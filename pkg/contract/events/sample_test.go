package events_test

import (
	"reflect"
	"time"

	"tickup.dev/pkg/contract/events"
)

// samples returns one fully populated payload of every event type.
func samples() []events.Event {
	zero := []events.Event{
		events.PurchaseCreated{}, events.PurchaseConfirmed{}, events.PurchaseFailed{},
		events.PurchaseRefunded{}, events.PurchaseDisputed{},
		events.TopupProcessing{}, events.TopupSucceeded{}, events.TopupFailed{},
		events.WithdrawalSucceeded{}, events.WithdrawalFailed{},
		events.HoldPlaced{}, events.HoldRejected{}, events.EntryPosted{},
		events.PoolOpened{}, events.PoolFull{}, events.PoolStarted{}, events.PoolDrawn{},
		events.PoolCancelled{},
		events.TicketIssued{}, events.TicketBoosted{}, events.TicketRejected{},
		events.TicketVoided{}, events.TicketKept{},
		events.DrawCompleted{},
	}
	out := make([]events.Event, 0, len(zero))
	for _, e := range zero {
		v := reflect.New(reflect.TypeOf(e)).Elem()
		fill(v, 1)
		v.FieldByName("SchemaVersion").SetInt(events.SchemaVersion)
		out = append(out, v.Interface().(events.Event))
	}
	return out
}

// fill sets every field to a distinct non-zero value so a lost field fails the round trip.
func fill(v reflect.Value, seed int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("0190a7e2-0000-7000-8000-00000000000" + string(rune('0'+seed%10)))
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(100 + seed))
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(s.Index(i), seed+i)
		}
		v.Set(s)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Date(2026, 1, 2, 3, 4, 5, 6000, time.UTC)))
			return
		}
		for i := range v.NumField() {
			fill(v.Field(i), seed+i)
		}
	}
}
