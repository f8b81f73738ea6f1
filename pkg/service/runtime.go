// Package service is the runtime every Tickup service is built on: its database (migrated,
// scoped to its schema), its bus connection and streams, its outbox relay and inbox purger,
// its health endpoints, and a graceful shutdown that drains all of them in order.
package service

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/config"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/db"
	"tickup.dev/pkg/inbox"
	"tickup.dev/pkg/lifecycle"
	"tickup.dev/pkg/logging"
	"tickup.dev/pkg/outbox"
)

// Spec describes a service to the runtime.
type Spec struct {
	Name       string       // "wallet": also its schema, its role suffix and its NATS client name
	Migrations fs.FS        // the service's own NNNN_description.sql files; nil while it has no tables
	Log        *slog.Logger // the process logger; the runtime adds the service attribute
}

// Runtime is a started service's shared machinery.
type Runtime struct {
	Name    string
	Config  config.Config
	Log     *slog.Logger
	DB      *gorm.DB
	Bus     *bus.Conn
	Metrics *prometheus.Registry
	DSN     string // the service's database URL, search_path set to its schema
	group   *lifecycle.Group

	consumerMetrics *bus.ConsumerMetrics // made by the first Route
	streamMetrics   *bus.StreamMetrics
}

// Start connects the service's database and bus, applies its migrations and creates the
// streams. Nothing runs until Run; on error everything opened so far is closed again.
func Start(ctx context.Context, cfg config.Config, spec Spec) (*Runtime, error) {
	log := spec.Log
	if log == nil {
		var err error
		if log, err = logging.New(os.Stderr, cfg.Log.Format, cfg.Log.Level); err != nil {
			return nil, err
		}
	}
	r := &Runtime{Name: spec.Name, Config: cfg, Log: log.With("service", spec.Name), Metrics: newRegistry()}
	r.group = lifecycle.NewGroup(cfg.ShutdownGrace, lifecycle.WithLogger(r.Log))
	if err := r.openDatabase(ctx, spec); err != nil {
		return nil, err
	}
	if err := r.connectBus(ctx); err != nil {
		_ = db.Close(r.DB)
		return nil, err
	}
	published, err := r.registerMetrics()
	if err != nil {
		return nil, r.Abort(err)
	}
	r.Go("outbox-relay", (&outbox.Relay{
		DSN: r.DSN, DB: r.DB, Schema: spec.Name, Source: "/tickup/" + spec.Name, Pub: r.Bus, Log: r.Log,
		Published: published,
	}).Run)
	r.Go("inbox-purger", func(ctx context.Context) error {
		return inbox.RunPurger(ctx, r.DB, time.Hour, 7*24*time.Hour, r.Log)
	})
	return r, nil
}

func (r *Runtime) openDatabase(ctx context.Context, spec Spec) error {
	dsn, err := DatabaseURL(r.Config, spec.Name)
	if err != nil {
		return err
	}
	if r.DSN, err = db.WithSearchPath(dsn, spec.Name); err != nil {
		return err
	}
	if r.DB, err = db.Open(ctx, r.DSN, db.Options{Log: r.Log}); err != nil {
		return fmt.Errorf("%s: %w", spec.Name, err)
	}
	sqlDB, _ := r.DB.DB()
	if err := db.Migrate(ctx, sqlDB, spec.Name, MigrationSets(spec.Migrations)...); err != nil {
		_ = sqlDB.Close()
		return fmt.Errorf("%s: %w", spec.Name, err)
	}
	r.OnStop("database", func(context.Context) error { return sqlDB.Close() })
	return nil
}

func (r *Runtime) connectBus(ctx context.Context) error {
	conn, err := bus.Connect(ctx, r.Config.NATSURL, "tickup-"+r.Name, r.Log)
	if err != nil {
		return fmt.Errorf("%s: %w", r.Name, err)
	}
	if err := conn.EnsureStreams(ctx, events.StreamsWith(retention(r.Config.Streams))...); err != nil {
		conn.Close()
		return fmt.Errorf("%s: %w", r.Name, err)
	}
	r.Bus = conn
	r.OnStop("nats", func(context.Context) error { conn.Close(); return nil })
	return nil
}

// MigrationSets are everything a service's schema holds: the outbox, the inbox, and the
// service's own tables (own may be nil).
func MigrationSets(own fs.FS) []db.MigrationSet {
	sets := []db.MigrationSet{outbox.Migrations(), inbox.Migrations()}
	if own != nil {
		sets = append(sets, db.MigrationSet{Component: "service", FS: own})
	}
	return sets
}

// DatabaseURL is the URL service name connects with: DATABASE_URL, logged in as the role
// tickup_<name> when TICKUP_DB_ROLES is on (see ProvisionRoles).
func DatabaseURL(cfg config.Config, name string) (string, error) {
	if !cfg.DBRoles {
		return cfg.DatabaseURL, nil
	}
	return db.WithUser(cfg.DatabaseURL, RoleName(name), "")
}

// RoleName is the database role of service name.
func RoleName(name string) string { return "tickup_" + name }

// Go adds a long-running component (consumer, server, sweeper) that Run starts.
func (r *Runtime) Go(name string, fn func(ctx context.Context) error) { r.group.Go(name, fn) }

// OnStop registers a closer; closers run in reverse order after every component stopped.
func (r *Runtime) OnStop(name string, fn func(ctx context.Context) error) { r.group.OnStop(name, fn) }

// Run runs the components until ctx is cancelled or one fails, then shuts down gracefully:
// intake stops, work in flight finishes, NATS drains, the database closes.
func (r *Runtime) Run(ctx context.Context) error {
	r.Log.Info("service running")
	err := r.group.Run(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", r.Name, err)
	}
	r.Log.Info("service stopped")
	return nil
}

func newRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg
}

// Abort closes what Start opened, for a service that fails before Run, and returns err.
func (r *Runtime) Abort(err error) error {
	r.Bus.Close()
	_ = db.Close(r.DB)
	return fmt.Errorf("%s: %w", r.Name, err)
}

// retention is the configured bound of the streams.
func retention(s config.Streams) events.Retention {
	return events.Retention{MaxAge: s.MaxAge, MaxBytes: s.MaxBytes, DLQMaxAge: s.DLQMaxAge, DLQMaxBytes: s.DLQMaxBytes,
		Replicas: s.Replicas}
}
