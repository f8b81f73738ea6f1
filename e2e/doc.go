// Package e2e holds Tickup's whole-system tests and benchmarks: the API gateway, ticketing,
// wallet and draw services run in process on one test database and one embedded NATS server.
// The tests drive them through the public HTTP API (decoding answers into their own structs),
// the contracts in pkg/contract and the services' exported packages, and read the databases to
// check what happened; they never import a service's internal packages. No service module
// requires another; this module may require them all.
package e2e
