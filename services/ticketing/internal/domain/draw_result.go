package domain

import "errors"

// ErrBadDrawResult says that a draw result can never be recorded (it names no winner, or
// tickets the pool does not have); the consumer dead-letters it.
var ErrBadDrawResult = errors.New("draw result does not fit the pool")
