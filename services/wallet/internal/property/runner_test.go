package property

import (
	"context"
	"sync"
)

// failure is a sequence that broke the books, with what it did.
type failure struct {
	seed  uint64
	err   error
	story string
}

// runSequences plays the n sequences seeded first, first+1, … on a few workers and returns
// the failure of the smallest seed that failed, or nil; no new sequence starts after one.
func runSequences(ctx context.Context, w *world, first uint64, n int) *failure {
	var (
		mu     sync.Mutex
		failed *failure
		wg     sync.WaitGroup
	)
	seeds := make(chan uint64)
	for range workers {
		wg.Go(func() {
			for seed := range seeds {
				s := newSequence(ctx, w, seed)
				if err := s.play(); err != nil {
					mu.Lock()
					if failed == nil || seed < failed.seed {
						failed = &failure{seed: seed, err: err, story: s.story()}
					}
					mu.Unlock()
				}
			}
		})
	}
	for i := range uint64(n) {
		mu.Lock()
		stop := failed != nil
		mu.Unlock()
		if stop {
			break
		}
		seeds <- first + i
	}
	close(seeds)
	wg.Wait()
	return failed
}
