package auth

import (
	"strconv"
	"strings"
	"time"
)

// cacheLifetime is how long a response may be used according to its Cache-Control header,
// never longer than limit: max-age when given, zero for no-store or no-cache (use once,
// fetch again at the next need), limit when the header says nothing.
func cacheLifetime(header string, limit time.Duration) time.Duration {
	for directive := range strings.SplitSeq(strings.ToLower(header), ",") {
		name, value, _ := strings.Cut(strings.TrimSpace(directive), "=")
		switch name {
		case "no-store", "no-cache":
			return 0
		case "max-age":
			secs, err := strconv.ParseInt(strings.Trim(value, `"`), 10, 64)
			if err != nil || secs < 0 {
				return 0 // an unreadable freshness is no freshness
			}
			return min(time.Duration(min(secs, int64(limit/time.Second)+1))*time.Second, limit)
		}
	}
	return limit
}
