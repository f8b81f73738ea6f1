# Tickup — developer commands. `make` (or `make help`) lists them.
# GNU make; every target runs from the go.work root and visits each workspace module.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Go may be installed but not on PATH (the machines install it in /usr/local/go).
ifeq ($(shell command -v go 2>/dev/null),)
export PATH := $(PATH):/usr/local/go/bin
endif

GO ?= go
GOFMT ?= gofmt

# Public API port (the seed's BACKEND_PORT) and the dotenv file pkg/config reads (ENV_FILE).
# Both reach the process only when you set them (`make BACKEND_PORT=9000 ENV_FILE=.env.staging api`
# or the environment): a Makefile default must not hide a value set in .env or tickup.yaml.
BACKEND_PORT ?= 8000
ENV_FILE ?= .env
# Used by `make run` and `make api` only when DATABASE_URL (or TICKUP_DATABASE_URL) is set
# nowhere: not in the environment, not in $(ENV_FILE), not in tickup.yaml.
DEV_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/tickup?sslmode=disable

# Extra `go test` flags, e.g. TEST_FLAGS='-p 2 -v' or TEST_FLAGS='-run TestRelay'.
TEST_FLAGS ?=
TEST_TIMEOUT ?= 20m
# Random money sequences `make test-property` plays against the wallet (`make test` plays 500);
# TICKUP_PROPERTY_SEED replays a failed one (the failure prints the command).
TICKUP_PROPERTY_SEQUENCES ?= 10000
PROPERTY_TIMEOUT ?= 90m
# Benchmark pattern and flags, e.g. BENCH=HotPool BENCH_FLAGS='-benchtime=3x -count=5'.
BENCH ?= .
BENCH_FLAGS ?= -benchtime=1s -benchmem
BENCH_TIMEOUT ?= 60m

# staticcheck 2026.2.2 (module version v0.8.2): the newest release that supports Go 1.26.
STATICCHECK_VERSION ?= v0.8.2
GOBIN_DIR = $(or $(shell $(GO) env GOBIN),$(shell $(GO) env GOPATH)/bin)

SERVICES := api ticketing wallet draw
# Ports kill-ports frees: the same overrides tickup reads (TICKUP_HTTP_PORT beats BACKEND_PORT).
HEALTH_PORTS = $${TICKUP_TICKETING_HEALTH_PORT:-8101} $${TICKUP_WALLET_HEALTH_PORT:-8102} $${TICKUP_DRAW_HEALTH_PORT:-8103}
# Port of the embedded NATS server of `make run` (a free one is taken if it is busy).
NATS_PORT ?= 4222
# Version stamped into the binaries by `make build VERSION=…`; unset keeps the code's default.
VERSION ?=
LDFLAGS := $(if $(VERSION),-ldflags '-X tickup.dev/pkg/service.Version=$(VERSION)')

# Shell fragment: the workspace modules' directories, or fail.
MODULE_DIRS = dirs=$$($(GO) list -m -f '{{.Dir}}') || { echo "go list -m failed (is go.work valid?)" >&2; exit 1; }

# Shell fragment: export the development DATABASE_URL when no source of configuration sets one.
define DEV_DATABASE
if [ -z "$${DATABASE_URL:-}$${TICKUP_DATABASE_URL:-}" ] \
   && ! grep -qsE '^[[:space:]]*(export[[:space:]]+)?(TICKUP_)?DATABASE_URL[[:space:]]*=' '$(ENV_FILE)' \
   && ! grep -qsE '^database_url[[:space:]]*:' tickup.yaml; then \
  export DATABASE_URL='$(DEV_DATABASE_URL)'; \
  echo "DATABASE_URL is not set: using $(DEV_DATABASE_URL)"; \
fi
endef

.PHONY: help run api test test-property bench chaos chaos-long install build lint kill-ports tidy clean

help: ## List the targets (default)
	@echo "Tickup — make targets:"
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-zA-Z_-]*:.*## / {printf "  %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo
	@echo "Variables (make VAR=value target):"
	@echo "  BACKEND_PORT=$(BACKEND_PORT)  ENV_FILE=$(ENV_FILE)  DEV_DATABASE_URL=$(DEV_DATABASE_URL)"
	@echo "  TEST_FLAGS='$(TEST_FLAGS)'  TEST_TIMEOUT=$(TEST_TIMEOUT)  BENCH=$(BENCH)  BENCH_FLAGS='$(BENCH_FLAGS)'"
	@echo "  TICKUP_PROPERTY_SEQUENCES=$(TICKUP_PROPERTY_SEQUENCES)  TICKUP_PROPERTY_SEED=$${TICKUP_PROPERTY_SEED:-random}  PROPERTY_TIMEOUT=$(PROPERTY_TIMEOUT)"

# run and api build bin/tickup, then exec it: make's shell becomes tickup, so the SIGINT or
# SIGTERM sent to `make run`'s child reaches it (`go run` would leave its built child running).
run: ## Run all four services in one process (embedded NATS, PostgreSQL from DATABASE_URL)
	@$(GO) build -o bin/tickup ./cmd/tickup
	@$(DEV_DATABASE); \
	exec bin/tickup dev --nats-port $(NATS_PORT)

api: ## Run the API gateway alone on BACKEND_PORT (needs PostgreSQL and NATS 2.10+ at NATS_URL)
	@$(GO) build -o bin/tickup ./cmd/tickup
	@$(DEV_DATABASE); \
	bin/tickup migrate api; \
	exec bin/tickup serve api

test: ## Test every workspace module with -race (all run; fails if any fails)
	@$(MODULE_DIRS); \
	failed=""; count=0; \
	for dir in $$dirs; do \
	  mod=$${dir#$(CURDIR)/}; count=$$((count + 1)); \
	  printf '\n==== %s: go test -race -count=1 -timeout $(TEST_TIMEOUT) $(TEST_FLAGS) ./...\n' "$$mod"; \
	  if ! (cd "$$dir" && $(GO) test -race -count=1 -timeout $(TEST_TIMEOUT) $(TEST_FLAGS) ./...); then \
	    failed="$$failed $$mod"; \
	  fi; \
	done; \
	if [ -n "$$failed" ]; then printf '\nmake test: FAILED in:%s\n' "$$failed"; exit 1; fi; \
	printf '\nmake test: all %d modules passed\n' "$$count"

test-property: ## Wallet property test: TICKUP_PROPERTY_SEQUENCES random money sequences (make test plays 500)
	cd services/wallet && TICKUP_PROPERTY_SEQUENCES=$(TICKUP_PROPERTY_SEQUENCES) \
	  $(GO) test -race -count=1 -v -timeout $(PROPERTY_TIMEOUT) -run '^TestRandomMoneySequencesKeepTheBooks$$' ./internal/property/

# Fault drill (docs/resilience.md): how long the load runs, and the seed that picks the faults
# (empty: a random one, printed in the report so the run can be repeated).
CHAOS_DURATION ?= 2m
CHAOS_SEED ?=
CHAOS_REPORT ?= chaos-report.json

chaos: ## Fault drill: private PostgreSQL, 3-node NATS, 2 processes per service, faults, invariant report (CHAOS_DURATION, CHAOS_SEED)
	@mkdir -p bin && $(GO) build -o bin/tickup ./cmd/tickup
	@exec bin/tickup chaos --duration $(CHAOS_DURATION) $(if $(CHAOS_SEED),--seed $(CHAOS_SEED)) --report $(CHAOS_REPORT)

chaos-long: ## The long fault drill: 20 minutes of load, every fault several times
	@$(MAKE) --no-print-directory chaos CHAOS_DURATION=20m CHAOS_REPORT=$(CHAOS_REPORT)

bench: ## pgbench baseline, then every module's benchmarks, docs/performance.md (BENCH, BENCH_FLAGS)
	@$(MODULE_DIRS); \
	if [ -n "$${TICKUP_BENCH_PGBENCH_TPS:-}" ]; then \
	  echo "bench: pgbench baseline given: TICKUP_BENCH_PGBENCH_TPS=$$TICKUP_BENCH_PGBENCH_TPS"; \
	elif baseline=$$(bench/baseline.sh); then \
	  eval "$$baseline"; \
	else \
	  echo "bench: no pgbench baseline (see above): x_pgbench will not be reported"; \
	fi; \
	export TICKUP_BENCH_PGBENCH_TPS="$${TICKUP_BENCH_PGBENCH_TPS:-}"; \
	results=$$(mktemp); trap 'rm -f "$$results"' EXIT; \
	failed=""; \
	for dir in $$dirs; do \
	  mod=$${dir#$(CURDIR)/}; \
	  pkgs=$$(cd "$$dir" && { grep -rl --include='*_test.go' '^func Benchmark' . || true; } | xargs -r -n1 dirname | sort -u | tr '\n' ' '); \
	  [ -n "$$pkgs" ] || continue; \
	  printf '\n==== %s: go test -run ^$$ -bench $(BENCH) $(BENCH_FLAGS) %s\n' "$$mod" "$$pkgs"; \
	  if ! (cd "$$dir" && $(GO) test -run '^$$' -bench '$(BENCH)' $(BENCH_FLAGS) -timeout $(BENCH_TIMEOUT) $$pkgs) | tee -a "$$results"; then \
	    failed="$$failed $$mod"; \
	  fi; \
	done; \
	printf '\n==== summary (pgbench TPS: %s): bench/results.json\n' "$${TICKUP_BENCH_PGBENCH_TPS:-not measured}"; \
	grep -E '^Benchmark' "$$results" || echo "no benchmark ran"; \
	(cd cmd/tickup && $(GO) run . bench-report --in "$$results" --out $(CURDIR)/bench/results.json \
	  --pgbench-tps "$${TICKUP_BENCH_PGBENCH_TPS:-}") || failed="$$failed bench-report"; \
	if [ -n "$$failed" ]; then printf '\nmake bench: FAILED in:%s\n' "$$failed"; exit 1; fi

install: ## Download every module's dependencies and install staticcheck
	@$(MODULE_DIRS); \
	for dir in $$dirs; do \
	  echo "==== $${dir#$(CURDIR)/}: go mod download"; \
	  (cd "$$dir" && $(GO) mod download); \
	done
	@echo "==== go install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) (into $(GOBIN_DIR))"
	@$(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

build: ## Build bin/tickup and bin/tickup-{api,ticketing,wallet,draw}
	@mkdir -p bin
	$(GO) build $(LDFLAGS) -o bin/ ./cmd/tickup
	@for svc in $(SERVICES); do \
	  echo "$(GO) build $(LDFLAGS) -o bin/tickup-$$svc ./services/$$svc"; \
	  $(GO) build $(LDFLAGS) -o "bin/tickup-$$svc" "./services/$$svc"; \
	done

lint: ## the import rules (e2e/architecture), then gofmt -l, go vet and staticcheck (if installed) on every module
	@$(MODULE_DIRS); \
	failed=""; \
	echo "==== import rules (e2e/architecture: services never import each other, pkg no service, domain no I/O)"; \
	(cd e2e && $(GO) test -count=1 ./architecture/) || failed="$$failed import-rules"; \
	echo "==== gofmt -l"; \
	unformatted=$$($(GOFMT) -l $$dirs); \
	if [ -n "$$unformatted" ]; then echo "$$unformatted"; echo "gofmt: run gofmt -w on the files above"; failed="$$failed gofmt"; fi; \
	staticcheck=$$(command -v staticcheck || true); \
	if [ -z "$$staticcheck" ] && [ -x "$(GOBIN_DIR)/staticcheck" ]; then staticcheck="$(GOBIN_DIR)/staticcheck"; fi; \
	for dir in $$dirs; do \
	  mod=$${dir#$(CURDIR)/}; \
	  echo "==== $$mod: go vet"; \
	  (cd "$$dir" && $(GO) vet ./...) || failed="$$failed vet:$$mod"; \
	  if [ -n "$$staticcheck" ]; then \
	    echo "==== $$mod: staticcheck"; \
	    (cd "$$dir" && "$$staticcheck" ./...) || failed="$$failed staticcheck:$$mod"; \
	  fi; \
	done; \
	if [ -z "$$staticcheck" ]; then echo "staticcheck is not installed: skipped (make install adds it)"; fi; \
	if [ -n "$$failed" ]; then printf '\nmake lint: FAILED:%s\n' "$$failed"; exit 1; fi; \
	echo "make lint: clean"

kill-ports: ## Stop the Tickup processes on BACKEND_PORT, the health ports and NATS_PORT (others are left alone)
	@for port in $${TICKUP_HTTP_PORT:-$(BACKEND_PORT)} $(HEALTH_PORTS) $(NATS_PORT); do \
	  if command -v fuser >/dev/null 2>&1; then \
	    pids=$$(fuser -n tcp "$$port" 2>/dev/null || true); \
	  elif command -v lsof >/dev/null 2>&1; then \
	    pids=$$(lsof -t -iTCP:"$$port" -sTCP:LISTEN 2>/dev/null || true); \
	  else \
	    echo "kill-ports: neither fuser nor lsof is installed; nothing freed"; exit 0; \
	  fi; \
	  for pid in $$pids; do \
	    exe=$$(readlink "/proc/$$pid/exe" 2>/dev/null || true); \
	    cmdline=$$(tr '\0' ' ' < "/proc/$$pid/cmdline" 2>/dev/null || true); \
	    case "$${exe##*/} $${cmdline%% *}" in \
	      tickup*|*/tickup*) ;; \
	      *) echo "port $$port: left $$pid alone ($${exe:-$${cmdline:-unknown}} is not tickup)"; continue ;; \
	    esac; \
	    echo "port $$port: stopping $$pid $${exe:+($$exe)}"; \
	    kill "$$pid" 2>/dev/null || true; \
	    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$$pid" 2>/dev/null || break; sleep 0.3; done; \
	    kill -9 "$$pid" 2>/dev/null || true; \
	  done; \
	done

tidy: ## go mod tidy in every module
	@$(MODULE_DIRS); \
	for dir in $$dirs; do \
	  echo "==== $${dir#$(CURDIR)/}: go mod tidy"; \
	  (cd "$$dir" && $(GO) mod tidy); \
	done

clean: ## Remove bin/ and the test cache (the dev NATS store in .tickup/ is kept)
	rm -rf bin
	$(GO) clean -testcache
