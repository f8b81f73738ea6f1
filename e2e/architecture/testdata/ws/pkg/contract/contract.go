// Package contract is a shared contract in the planted workspace.
package contract

// Version is the contract's version.
const Version = 1
