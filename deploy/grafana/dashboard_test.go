package grafana

import (
	"strings"
	"testing"
)

func TestDashboardQueriesTheOperatorMetrics(t *testing.T) {
	got, err := Metrics(Dashboard)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"tickup_consumer_ack_pending", "tickup_consumer_batch_seconds", "tickup_consumer_events_total",
		"tickup_consumer_pending", "tickup_dlq_messages", "tickup_draws_completed_total",
		"tickup_events_published_total", "tickup_http_request_duration_seconds", "tickup_http_requests_total",
		"tickup_outbox_backlog", "tickup_outbox_oldest_age_seconds", "tickup_tickets_issued_total",
		"tickup_wallet_active_holds",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("dashboard queries\n%v\nwant\n%v", got, want)
	}
}

func TestMetricsRefusesAPanelWithoutAQuery(t *testing.T) {
	_, err := Metrics([]byte(`{"panels":[{"title":"Empty","targets":[]}]}`))
	if err == nil || !strings.Contains(err.Error(), `"Empty"`) {
		t.Fatalf("error %v, want one naming the empty panel", err)
	}
	if _, err := Metrics([]byte(`{"panels":`)); err == nil {
		t.Fatal("a broken dashboard was read")
	}
}
