// Package webhooks receives the payment providers' signed events at /webhooks/stripe and
// /webhooks/generic: the signature is checked first, the event id is recorded in
// webhook_receipt in the same transaction as the event's effect (so a redelivery changes
// nothing), and the answer is 2xx only after that commit. Purchases are settled here;
// top-up and withdrawal outcomes are forwarded to the wallet through the outbox.
package webhooks

import (
	"errors"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"

	"tickup.dev/pkg/config"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/purchases"
	"tickup.dev/services/api/internal/webhooksig"
)

// tag groups the routes in the documentation.
const tag = "webhooks"

// Module serves the webhook routes.
type Module struct {
	db      *gorm.DB
	secrets config.Webhooks
	log     *slog.Logger
	now     func() time.Time
}

// NewModule returns the webhooks module; secrets verify the signatures (several per
// provider while one is rotated).
func NewModule(db *gorm.DB, secrets config.Webhooks, log *slog.Logger) *Module {
	return &Module{db: db, secrets: secrets, log: log, now: time.Now}
}

// Ack answers an accepted event.
type Ack struct {
	Received  bool   `json:"received"`
	Duplicate bool   `json:"duplicate" doc:"The event id was handled before: nothing changed."`
	Outcome   string `json:"outcome" enum:"confirmed,failed,processing,forwarded,unchanged,refunded,disputed,reinstated,operator-review,event-type-ignored,failure-after-success-ignored,success-after-failure-ignored,success-after-reversal-ignored" doc:"What the event did (docs/webhooks.md, Answers): the purchase is confirmed, failed, refunded, disputed or reinstated (a dispute won); processing (nothing changed yet); forwarded to the wallet (top-ups, withdrawals); unchanged (already so); operator-review (a payment case kept for an operator); event-type-ignored (a type Tickup does not act on); failure-after-success-ignored, success-after-failure-ignored, success-after-reversal-ignored (a verdict contradicting the settled purchase: nothing changed, logged for an operator)."`
}

// Register adds POST /webhooks/stripe and POST /webhooks/generic.
func (m *Module) Register(r *httpapi.Routes) {
	r.Document().AddTag(tag, "Payment providers' signed events (no token: the signature is the credential). "+
		"A 2xx answer means the event is durably recorded; anything else should be retried.")
	problems := []int{http.StatusBadRequest, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity,
		http.StatusServiceUnavailable}
	ok := []openapi.Response{{Status: http.StatusOK, Body: Ack{}}}
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/webhooks/" + purchases.ProviderStripe, Access: httpapi.Webhook,
		Tags: []string{tag}, Summary: "Stripe events (Stripe-Signature)",
		Description: "Acts on payment_intent.succeeded, payment_intent.payment_failed and payment_intent.processing; " +
			"data.object.metadata names the purchase_id, topup_id or withdrawal_id; the payment intent id is the provider " +
			"transaction id; data.object.amount and currency must match. Card refunds and disputes of purchases: " +
			"charge.refunded (amount_refunded), charge.dispute.created and charge.dispute.closed (won, lost), found by " +
			"metadata.purchase_id or the payment_intent. Other event types are acknowledged and ignored.",
		Parameters: stripeHeaders(), Body: stripeEvent{}, Responses: ok, Problems: problems,
	}, m.receive(purchases.ProviderStripe, m.verifyStripe, func(*gin.Context) parser { return parseStripe }))
	r.Handle(httpapi.Route{Method: http.MethodPost, Path: "/webhooks/" + purchases.ProviderGeneric, Access: httpapi.Webhook,
		Tags: []string{tag}, Summary: "Generic provider events (Standard Webhooks signature)",
		Description: "amount_cents is 1 to 100000000000 (more is a 422 naming it, for every provider). Top-up and " +
			"withdrawal events are forwarded to the wallet, which applies them only when the provider, amount and " +
			"currency match the request; any other report is kept as an OPEN unmatched payment for an admin " +
			"(GET /wallet/unmatched-payments), never dropped.",
		Parameters: standardHeaders(), Body: genericEvent{}, Responses: ok, Problems: problems,
	}, m.receive(purchases.ProviderGeneric, m.verifyStandard, genericParser))
}

// parser reads a verified body; headerID is the signature's message id, if any.
type parser func(body []byte, headerID string) (notice, error)

// receive verifies, parses and records one provider's events.
func (m *Module) receive(provider string, verify func(http.Header, []byte) (string, error),
	parserFor func(*gin.Context) parser) gin.HandlerFunc {
	return func(c *gin.Context) {
		ack, err := m.handle(c, provider, verify, parserFor(c))
		if err != nil {
			m.refuse(c, provider, err)
			return
		}
		c.JSON(http.StatusOK, ack)
	}
}

// handle runs one delivery: nothing is read from the body before its signature checks out.
func (m *Module) handle(c *gin.Context, provider string, verify func(http.Header, []byte) (string, error), parse parser) (Ack, error) {
	body, err := io.ReadAll(http.MaxBytesReader(c.Writer, c.Request.Body, httpapi.DefaultMaxBodyBytes))
	if err != nil {
		return Ack{}, &problem.Error{Kind: problem.KindBadRequest, Code: problem.SlugBadRequest, Detail: "The body could not be read.", Err: err}
	}
	headerID, err := verify(c.Request.Header, body)
	if err != nil {
		return Ack{}, signatureProblem(err)
	}
	n, err := parse(body, headerID)
	if err == nil {
		n.provider = provider
		err = n.check()
	}
	if err != nil {
		return Ack{}, err
	}
	return m.record(c.Request.Context(), n)
}

// refuse answers a refused delivery; the provider retries it, and the log tells an
// operator why (payloads and secrets are never logged).
func (m *Module) refuse(c *gin.Context, provider string, err error) {
	if p := problem.FromError(err); p.Status < http.StatusInternalServerError {
		m.log.WarnContext(c.Request.Context(), "webhook refused", "provider", provider, "status", p.Status,
			"type", p.Type, "detail", p.Detail, "request_id", problem.RequestIDFrom(c.Request.Context()))
	}
	problem.Fail(c, m.log, err)
}

func (m *Module) verifyStripe(h http.Header, body []byte) (string, error) {
	return "", webhooksig.VerifyStripe(h.Get(webhooksig.HeaderStripe), body, m.secrets.StripeSecrets, m.now())
}

func (m *Module) verifyStandard(h http.Header, body []byte) (string, error) {
	return webhooksig.VerifyStandard(h, body, m.secrets.GenericSecrets, m.now())
}

// signatureProblem is a 400 naming what is wrong with the signature, or a 503 (logged)
// when no secret is configured: the provider retries until one is.
func signatureProblem(err error) error {
	if errors.Is(err, webhooksig.ErrNoSecret) {
		return &problem.Error{Kind: problem.KindUnavailable, Code: "webhook-not-configured",
			Detail: "This provider's webhook secret is not configured.", Err: err}
	}
	detail := "The signature does not match the body."
	switch {
	case errors.Is(err, webhooksig.ErrMissingHeader):
		detail = "The signature header is missing."
	case errors.Is(err, webhooksig.ErrMalformedHeader):
		detail = "The signature header is malformed."
	case errors.Is(err, webhooksig.ErrStale):
		detail = "The signature's timestamp is more than 5 minutes from now."
	}
	return &problem.Error{Kind: problem.KindBadRequest, Code: "invalid-signature", Detail: detail, Err: err}
}

// stripeHeaders documents the Stripe-Signature header (docs/webhooks.md).
func stripeHeaders() []openapi.Parameter {
	return []openapi.Parameter{{Name: "Stripe-Signature", In: "header", Required: true, Schema: openapi.String(""),
		Description: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>; the secret's bytes as written; ` +
			"t within 5 minutes of now; several v1 entries allowed."}}
}

// standardHeaders documents the Standard Webhooks headers (docs/webhooks.md).
func standardHeaders() []openapi.Parameter {
	header := func(name, description string) openapi.Parameter {
		return openapi.Parameter{Name: name, In: "header", Required: true, Description: description, Schema: openapi.String("")}
	}
	return []openapi.Parameter{
		header("webhook-id", "The message id; the event id when the body has none (deduplication)."),
		header("webhook-timestamp", "Unix seconds; within 5 minutes of now."),
		header("webhook-signature", `v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + raw body)>, space-separated `+
			"entries allowed; the key is the base64 after whsec_ in the secret."),
	}
}
