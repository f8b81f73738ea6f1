// Package compose holds the checks of docker-compose.yml (at the repository root): its tests
// load the file with compose-go, the library of the Compose CLI, as `docker compose config`
// does, and check what docs/deploy.md promises: only configuration keys the binaries accept,
// workers that scale without a host-port clash, a healthcheck on every service, dependencies
// with conditions and no secret value written in the file.
package compose
