package ratelimit

import (
	"fmt"
	"testing"
	"time"
)

// fakeClock is a settable clock.
type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time { return c.now }

func TestBucketsRefillPerKey(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{now: time.Unix(1_700_000_000, 0)}
	l := New(6, clock.Now) // one token every 10 s, bursts of 6
	for i := range 6 {
		if ok, _ := l.Allow("ann"); !ok {
			t.Fatalf("request %d refused within the burst", i+1)
		}
	}
	ok, wait := l.Allow("ann")
	if ok || wait.Round(time.Millisecond) != 10*time.Second {
		t.Fatalf("7th request: ok=%v wait=%s, want refused for 10s", ok, wait)
	}
	if ok, _ := l.Allow("bob"); !ok {
		t.Fatal("another key is limited too")
	}
	clock.now = clock.now.Add(4 * time.Second)
	if ok, wait := l.Allow("ann"); ok || wait.Round(time.Millisecond) != 6*time.Second {
		t.Fatalf("after 4s: ok=%v wait=%s, want refused for 6s", ok, wait)
	}
	clock.now = clock.now.Add(6 * time.Second)
	if ok, _ := l.Allow("ann"); !ok {
		t.Fatal("refused after the bucket refilled a token")
	}
	clock.now = clock.now.Add(time.Hour)
	for i := range 6 {
		if ok, _ := l.Allow("ann"); !ok {
			t.Fatalf("request %d refused after an idle hour (the bucket caps at the burst)", i+1)
		}
	}
	if ok, _ := l.Allow("ann"); ok {
		t.Fatal("the bucket grew past its burst")
	}
}

func TestDisabledAndPruned(t *testing.T) {
	t.Parallel()
	if New(0, nil) != nil || New(-1, nil) != nil {
		t.Fatal("a non-positive rate is not 'no limit'")
	}
	clock := &fakeClock{now: time.Unix(0, 0)}
	l := New(60, clock.Now)
	for i := range maxKeys {
		l.Allow(fmt.Sprint(i))
	}
	clock.now = clock.now.Add(2 * time.Minute)
	l.Allow("new")
	if n := len(l.buckets); n != 1 {
		t.Fatalf("%d buckets kept, want only the new one once the refilled ones are pruned", n)
	}
}
