package walletroutes

import (
	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/paging"
)

// walletCursor is the keyset the gateway's opaque cursor carries: the wallet service's own
// next_cursor, so that every list of the API pages the same way.
type walletCursor struct {
	Wallet string `json:"w"`
}

// pageOf reads ?limit= and ?cursor= (422 naming the parameter when bad) and returns the
// page size and the wallet service's cursor.
func pageOf(c *gin.Context) (int, string, error) {
	page, err := paging.FromQuery(c)
	if err != nil {
		return 0, "", err
	}
	var after walletCursor
	if _, err := page.After(&after); err != nil {
		return 0, "", err
	}
	return page.Limit, after.Wallet, nil
}

// listOf converts a page of the wallet service into the API's list, wrapping its cursor.
func listOf[T, U any](items []T, next string, conv func(T) U) (paging.List[U], error) {
	out := paging.List[U]{Items: make([]U, 0, len(items))}
	for _, it := range items {
		out.Items = append(out.Items, conv(it))
	}
	if next == "" {
		return out, nil
	}
	cursor, err := paging.Encode(walletCursor{Wallet: next})
	out.NextCursor = cursor
	return out, err
}
