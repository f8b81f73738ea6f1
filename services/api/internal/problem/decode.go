package problem

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"

	"github.com/gin-gonic/gin"
)

// DecodeJSON strictly decodes the request body, at most maxBytes long, into dst. A client
// mistake comes back as an *Error ready for Fail: empty body, bad syntax or trailing data
// → 400 malformed-json; an unknown field → 422 unknown-field; a value of the wrong type →
// 422 validation; too long → 413 body-too-large. Both field errors name the field.
func DecodeJSON(c *gin.Context, dst any, maxBytes int64) error {
	body := http.MaxBytesReader(c.Writer, c.Request.Body, maxBytes)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	var extra json.RawMessage
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
		return nil
	case isTooLarge(err):
		return tooLarge(err)
	default:
		return &Error{Kind: KindBadRequest, Code: SlugMalformedJSON,
			Detail: "The request body has data after the JSON value.", Err: err}
	}
}

// decodeError classifies an error from decoding the first JSON value.
func decodeError(err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var target *json.InvalidUnmarshalError
	switch {
	case errors.Is(err, io.EOF):
		return malformed("The request body is empty.", err)
	case isTooLarge(err):
		return tooLarge(err)
	case errors.As(err, &syntax):
		return malformed(fmt.Sprintf("The request body is not valid JSON (at byte %d).", syntax.Offset), err)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return malformed("The request body ends in the middle of a JSON value.", err)
	case errors.As(err, &typ):
		msg := fmt.Sprintf("has the wrong type: want %s, got %s", jsonKind(typ), typ.Value)
		return fieldError(KindInvalid, SlugValidation, typ.Field, msg, err)
	case errors.As(err, &target):
		return fmt.Errorf("decode request body: %w", err) // a programming error: 500
	}
	if field, ok := unknownField(err); ok {
		return fieldError(KindInvalid, SlugUnknownField, field, "is not a known field", err)
	}
	// What is left comes from a type's own UnmarshalJSON (time.Time, ids): a bad value.
	return &Error{Kind: KindInvalid, Code: SlugValidation, Detail: "A value in the request body is invalid.", Err: err}
}

// unknownField extracts the field named by encoding/json's DisallowUnknownFields error,
// which has no type of its own.
func unknownField(err error) (string, bool) {
	const prefix = "json: unknown field "
	msg := err.Error()
	if !strings.HasPrefix(msg, prefix) {
		return "", false
	}
	return strings.Trim(strings.TrimPrefix(msg, prefix), `"`), true
}

// jsonKind names the JSON type a Go target expects.
func jsonKind(typ *json.UnmarshalTypeError) string {
	if typ.Type == nil {
		return "another type"
	}
	switch typ.Type.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Map, reflect.Struct:
		return "object"
	default:
		return "number"
	}
}

// fieldError builds a domain error about one field.
func fieldError(kind Kind, code, field, message string, err error) *Error {
	if field == "" {
		field = "(body)"
	}
	return &Error{Kind: kind, Code: code, Detail: fmt.Sprintf("Field %q %s.", field, message),
		Fields: []FieldError{{Field: field, Message: message}}, Err: err}
}

// malformed builds a 400 malformed-json domain error.
func malformed(detail string, err error) *Error {
	return &Error{Kind: KindBadRequest, Code: SlugMalformedJSON, Detail: detail, Err: err}
}

// isTooLarge reports whether err comes from the body size limit.
func isTooLarge(err error) bool {
	var mbe *http.MaxBytesError
	return errors.As(err, &mbe)
}

// tooLarge builds the 413 domain error naming the limit.
func tooLarge(err error) *Error {
	var mbe *http.MaxBytesError
	errors.As(err, &mbe)
	return &Error{Kind: KindTooLarge, Code: SlugBodyTooLarge,
		Detail: fmt.Sprintf("The request body exceeds %d bytes.", mbe.Limit), Err: err}
}
