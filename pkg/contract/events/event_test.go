package events_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"tickup.dev/pkg/contract/events"
)

func TestPayloadsRoundTripThroughJSON(t *testing.T) {
	t.Parallel()
	for _, e := range samples() {
		t.Run(e.EventType(), func(t *testing.T) {
			t.Parallel()
			data, err := events.Encode(e)
			if err != nil {
				t.Fatalf("encode: %v", err)
			}
			var fields map[string]any
			if err := json.Unmarshal(data, &fields); err != nil {
				t.Fatalf("unmarshal: %v", err)
			}
			if fields["schema_version"] != float64(events.SchemaVersion) {
				t.Fatalf("schema_version = %v in %s", fields["schema_version"], data)
			}
			back := reflect.New(reflect.TypeOf(e))
			if err := json.Unmarshal(data, back.Interface()); err != nil {
				t.Fatalf("decode: %v", err)
			}
			if got := back.Elem().Interface(); !reflect.DeepEqual(got, e) {
				t.Fatalf("round trip changed the payload:\n got %#v\nwant %#v", got, e)
			}
		})
	}
}

func TestEveryTypeHasOnePayload(t *testing.T) {
	t.Parallel()
	var got []events.Type
	for _, e := range samples() {
		typ := events.Type(e.EventType())
		if !strings.HasPrefix(e.EventSubject(), typ.String()) {
			t.Errorf("%s: subject %q does not start with its type", typ, e.EventSubject())
		}
		got = append(got, typ)
	}
	want := events.Types()
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("payload types %v\ndiffer from Types() %v", got, want)
	}
}

func TestDecodeChecksSchemaVersion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		data    string
		wantErr bool
	}{
		{"current", `{"schema_version":1,"purchase_id":"p1"}`, false},
		{"missing", `{"purchase_id":"p1"}`, true},
		{"newer", `{"schema_version":99,"purchase_id":"p1"}`, true},
		{"not json", `{`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := events.Decode[events.PurchaseConfirmed]([]byte(tt.data))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if err == nil && got.PurchaseID != "p1" {
				t.Fatalf("purchase id = %q", got.PurchaseID)
			}
		})
	}
}

func TestEncodeRefusesUnsetSchemaVersion(t *testing.T) {
	t.Parallel()
	if _, err := events.Encode(events.TicketIssued{PoolID: "p"}); err == nil {
		t.Fatal("encode accepted a payload without schema_version")
	}
}
