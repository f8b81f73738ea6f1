package db_test

import "errors"

func asUnreachable(err error, target any) bool { return errors.As(err, target) }
