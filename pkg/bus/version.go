package bus

import (
	"fmt"
	"strconv"
	"strings"
)

// minMajor and minMinor are the oldest nats-server Tickup runs on: 2.10 brought consumers
// with several filter subjects, which every Tickup consumer may use.
const minMajor, minMinor = 2, 10

// CheckServerVersion returns nil when a nats-server reporting version is 2.10 or newer,
// and an error naming the requirement otherwise (an unreadable version is refused too).
func CheckServerVersion(version string) error {
	major, minor, ok := majorMinor(version)
	if !ok {
		return fmt.Errorf("unreadable NATS server version %q: Tickup needs %d.%d or newer", version, minMajor, minMinor)
	}
	if major > minMajor || major == minMajor && minor >= minMinor {
		return nil
	}
	return fmt.Errorf("NATS server %s is too old: Tickup needs %d.%d or newer", version, minMajor, minMinor)
}

// majorMinor reads "2.10.3", "v2.10.0-RC.1" or "2.11" as its first two numbers.
func majorMinor(version string) (major, minor int, ok bool) {
	parts := strings.SplitN(strings.TrimPrefix(version, "v"), ".", 3)
	if len(parts) < 2 {
		return 0, 0, false
	}
	major, errMajor := strconv.Atoi(parts[0])
	minor, errMinor := strconv.Atoi(strings.SplitN(parts[1], "-", 2)[0])
	return major, minor, errMajor == nil && errMinor == nil
}

// requireServerVersion refuses a server older than 2.10 before anything is created on it,
// so an old server is named with its fix instead of failing later on a consumer with
// several filter subjects after half the streams exist.
func (c *Conn) requireServerVersion() error {
	version := c.NC.ConnectedServerVersion()
	if CheckServerVersion(version) == nil {
		return nil
	}
	return fmt.Errorf("NATS server %s at %s: Tickup needs %d.%d or newer (multiple filter subjects); "+
		"use `tickup dev` (embedded NATS) or upgrade nats-server", version, c.NC.ConnectedUrlRedacted(), minMajor, minMinor)
}
