package problem

import (
	"fmt"
	"strings"
)

// Invalid is the one validation failure every route answers, whether the gateway or a
// service behind it found the bad fields: 422, type validation-failed, each field in
// Fields and named in the detail.
func Invalid(fields []FieldError) *Error {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = fmt.Sprintf("%q %s", f.Field, f.Message)
	}
	return &Error{Kind: KindInvalid, Code: SlugValidation,
		Detail: "Invalid request: " + strings.Join(names, "; ") + ".", Fields: fields}
}
