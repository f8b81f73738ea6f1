// Package events is the Tickup event contract: the one place that names subjects, streams,
// event types and payloads. Services import it and never spell a subject themselves.
package events

import (
	"encoding/json"
	"fmt"
)

// SchemaVersion is the payload version producers write today. Additive changes (new
// optional fields) keep it; anything a consumer could misread bumps it.
const SchemaVersion = 1

// Event is implemented by every payload, so the outbox can store and publish any of them.
type Event interface {
	// EventType is the CloudEvents type, e.g. "tickup.ticketing.ticket.issued".
	EventType() string
	// EventSubject is the concrete subject the event is published on.
	EventSubject() string
}

// versioned reads only the schema version of a payload.
type versioned struct {
	SchemaVersion int `json:"schema_version"`
}

// Encode marshals an event, refusing payloads whose schema_version was left unset.
func Encode(e Event) ([]byte, error) {
	data, err := json.Marshal(e)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", e.EventType(), err)
	}
	if _, err := checkVersion(data); err != nil {
		return nil, fmt.Errorf("encode %s: %w", e.EventType(), err)
	}
	return data, nil
}

// Decode unmarshals a payload of type T, refusing a missing or newer schema_version.
// Consumers treat its error as permanent (the message can never be decoded).
func Decode[T Event](data []byte) (T, error) {
	var out T
	if _, err := checkVersion(data); err != nil {
		return out, fmt.Errorf("decode %T: %w", out, err)
	}
	if err := json.Unmarshal(data, &out); err != nil {
		return out, fmt.Errorf("decode %T: %w", out, err)
	}
	return out, nil
}

func checkVersion(data []byte) (int, error) {
	var v versioned
	if err := json.Unmarshal(data, &v); err != nil {
		return 0, fmt.Errorf("read schema_version: %w", err)
	}
	if v.SchemaVersion < 1 || v.SchemaVersion > SchemaVersion {
		return v.SchemaVersion, fmt.Errorf("unsupported schema_version %d (want 1..%d)", v.SchemaVersion, SchemaVersion)
	}
	return v.SchemaVersion, nil
}
