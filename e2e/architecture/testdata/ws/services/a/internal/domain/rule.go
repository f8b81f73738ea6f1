// Package domain is service a's domain in the planted workspace: it imports service b.
package domain

import "tickup.dev/services/b/bapi"

// Peer names the service the domain wrongly depends on.
const Peer = bapi.Name
