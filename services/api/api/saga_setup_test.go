package api

import "time"

// Webhook secrets of the saga tests' gateways: Stripe's is a raw key, the generic one a
// Standard Webhooks whsec_ secret (base64 of "raffle-generic-key").
const (
	raffleStripeSecret  = "whsec_raffle_stripe_test"
	raffleGenericSecret = "whsec_cmFmZmxlLWdlbmVyaWMta2V5"
)

// rafflePrice is the ticket price the saga tests' purchases pay, in EUR cents.
const rafflePrice = 500

// raffleWait bounds how long a saga may take to settle in these tests.
const raffleWait = 60 * time.Second

// raffleSetup configures a gateway as the whole-system tests (e2e/) do: webhook secrets, and
// no request limits (the load and the polling come from one IP).
func raffleSetup(s *setup) {
	s.env = append(s.env, "TICKUP_RATE_LIMIT_WRITES_PER_MINUTE=0", "TICKUP_RATE_LIMIT_IP_WRITES_PER_MINUTE=0",
		"TICKUP_WEBHOOK_STRIPE_SECRETS="+raffleStripeSecret,
		"TICKUP_WEBHOOK_GENERIC_SECRETS="+raffleGenericSecret)
	s.env = append(s.env, unlimitedReads...)
}

// unlimitedReads lifts the GET and stream limits, for tests whose load comes from one IP.
var unlimitedReads = []string{"TICKUP_RATE_LIMIT_READS_PER_MINUTE=0", "TICKUP_RATE_LIMIT_IP_READS_PER_MINUTE=0",
	"TICKUP_SSE_STREAMS_PER_USER=0", "TICKUP_SSE_STREAMS_PER_IP=0"}
