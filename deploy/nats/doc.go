// Package nats holds the check of tickup.conf, the production NATS server configuration: its
// test starts the nats-server Go module's server with that file and shows that each service's
// user can do what the service does and nothing it should not (publish another service's
// events, call an endpoint it does not use).
package nats
