package bus

import "errors"

// poisonError marks a failure that no retry can fix.
type poisonError struct{ err error }

func (p *poisonError) Error() string { return "poison message: " + p.err.Error() }
func (p *poisonError) Unwrap() error { return p.err }

// Poison wraps err to say the message can never succeed (for example it cannot be
// decoded): the consumer moves it to the DLQ at once instead of retrying. Poison(nil) is nil.
func Poison(err error) error {
	if err == nil {
		return nil
	}
	return &poisonError{err: err}
}

// IsPoison reports whether err, or an error it wraps, was marked with Poison.
func IsPoison(err error) bool {
	var p *poisonError
	return errors.As(err, &p)
}
