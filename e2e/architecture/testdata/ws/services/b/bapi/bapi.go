// Package bapi is service b's run package in the planted workspace.
package bapi

// Name is the service's name.
const Name = "b"
