package db

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// slowQuery is how long a statement may take before it is logged as slow.
const slowQuery = 500 * time.Millisecond

// queryLog logs failed and slow statements only. Unlike GORM's own loggers it renders a
// statement's SQL only when it is about to log it: rendering every statement costs a
// quarter of the CPU of the ticket hot path. A cancelled context (shutdown, a client gone)
// is not an error worth an operator's attention.
type queryLog struct{ log *slog.Logger }

func gormLogger(log *slog.Logger) logger.Interface {
	if log == nil {
		return logger.Discard
	}
	return queryLog{log: log}
}

// LogMode implements logger.Interface; the level is fixed.
func (q queryLog) LogMode(logger.LogLevel) logger.Interface { return q }

// Info implements logger.Interface.
func (q queryLog) Info(ctx context.Context, msg string, args ...any) {
	q.log.InfoContext(ctx, msg, "args", args)
}

// Warn implements logger.Interface.
func (q queryLog) Warn(ctx context.Context, msg string, args ...any) {
	q.log.WarnContext(ctx, msg, "args", args)
}

// Error implements logger.Interface.
func (q queryLog) Error(ctx context.Context, msg string, args ...any) {
	q.log.ErrorContext(ctx, msg, "args", args)
}

// Trace implements logger.Interface.
func (q queryLog) Trace(ctx context.Context, begin time.Time, fc func() (string, int64), err error) {
	elapsed := time.Since(begin)
	switch {
	case err != nil && !errors.Is(err, gorm.ErrRecordNotFound) && !errors.Is(err, context.Canceled):
		sql, rows := fc()
		q.log.ErrorContext(ctx, "sql failed", "err", err, "sql", sql, "rows", rows, "duration_ms", elapsed.Milliseconds())
	case elapsed > slowQuery:
		sql, rows := fc()
		q.log.WarnContext(ctx, "slow sql", "sql", sql, "rows", rows, "duration_ms", elapsed.Milliseconds())
	}
}
