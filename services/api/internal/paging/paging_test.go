package paging

import (
	"errors"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/problem"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	os.Exit(m.Run())
}

func pageOf(t *testing.T, query string) (Page, error) {
	t.Helper()
	c, _ := gin.CreateTestContext(httptest.NewRecorder())
	c.Request = httptest.NewRequest("GET", "/x?"+query, nil)
	return FromQuery(c)
}

func TestFromQuery(t *testing.T) {
	t.Parallel()
	tests := []struct {
		query string
		limit int
		field string // of the 422, "" when valid
	}{
		{"", DefaultLimit, ""},
		{"limit=1", 1, ""},
		{"limit=200", 200, ""},
		{"limit=0", 0, "limit"},
		{"limit=201", 0, "limit"},
		{"limit=-3", 0, "limit"},
		{"limit=ten", 0, "limit"},
		{"limit=", 0, "limit"},
	}
	for _, tc := range tests {
		p, err := pageOf(t, tc.query)
		var perr *problem.Error
		switch {
		case tc.field == "" && (err != nil || p.Limit != tc.limit):
			t.Errorf("%q: limit %d, err %v", tc.query, p.Limit, err)
		case tc.field != "" && (!errors.As(err, &perr) || perr.Kind != problem.KindInvalid || perr.Fields[0].Field != tc.field):
			t.Errorf("%q: err %v, want a 422 about %s", tc.query, err, tc.field)
		}
	}
}

type key struct {
	N  int    `json:"n"`
	ID string `json:"id"`
}

func TestCursorsRoundTrip(t *testing.T) {
	t.Parallel()
	rows := []key{{1, "a"}, {2, "b"}, {3, "c"}}
	p := Page{Limit: 2}
	list, err := NewList(rows, p, func(k key) key { return k })
	if err != nil || len(list.Items) != 2 || list.NextCursor == "" {
		t.Fatalf("list %+v, err %v", list, err)
	}
	next, err := pageOf(t, "cursor="+list.NextCursor)
	if err != nil {
		t.Fatal(err)
	}
	var after key
	if ok, err := next.After(&after); !ok || err != nil || after != (key{2, "b"}) {
		t.Fatalf("after = %+v, %v, %v", after, ok, err)
	}
	last, _ := NewList(rows[2:], p, func(k key) key { return k })
	if last.NextCursor != "" || len(last.Items) != 1 {
		t.Errorf("last page %+v", last)
	}
	empty, _ := NewList[key, key](nil, p, func(k key) key { return k })
	if empty.Items == nil {
		t.Error("an empty page has items null, not []")
	}
	for _, bad := range []string{"!!", "bm90anNvbg"} {
		page, _ := pageOf(t, "cursor="+bad)
		if _, err := page.After(&after); err == nil {
			t.Errorf("cursor %q accepted", bad)
		}
	}
}
