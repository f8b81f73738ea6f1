package openapi

// headerDoc documents a response header Tickup sends.
func headerDoc(name string) HeaderDoc {
	switch name {
	case "Location":
		return HeaderDoc{Description: "Where the created resource, or the operation's progress, can be read.", Schema: String("uri-reference")}
	case "Retry-After":
		return HeaderDoc{Description: "Seconds to wait before trying again.", Schema: &Schema{Type: "integer", Minimum: Bound(0)}}
	case "Idempotent-Replayed":
		return HeaderDoc{Description: "\"true\" when this answer replays an earlier request with the same Idempotency-Key.",
			Schema: &Schema{Type: "string", Enum: []any{"true"}}}
	default:
		return HeaderDoc{Schema: String("")}
	}
}
