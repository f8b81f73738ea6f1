// Package e2e holds Tickup's whole-system tests and benchmarks: the API gateway, ticketing,
// wallet and draw services run in process on one test database and one embedded NATS server,
// and the tests drive them through the public HTTP API, the contracts in pkg/contract and
// the services' exported packages only. No service module requires another; this module may
// require them all.
package e2e
