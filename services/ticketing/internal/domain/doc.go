// Package domain holds the ticketing rules: prizes and their stock, the pool state machine,
// and the issuance rules for ENTRY, BOOST and RETRY purchases. It does no I/O.
package domain
