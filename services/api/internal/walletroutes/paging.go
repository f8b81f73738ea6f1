package walletroutes

import (
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/paging"
)

// walletCursor is the keyset the gateway's opaque cursor carries: the wallet service's own
// next_cursor, so that every list of the API pages the same way.
type walletCursor struct {
	Wallet string `json:"w"`
}

// pageOf reads ?limit= and ?cursor= (422 naming the parameter when bad) and returns the
// page size and the wallet service's cursor.
func pageOf(call *httpapi.Call) (int, string, error) {
	page, err := call.Page()
	if err != nil {
		return 0, "", err
	}
	var after walletCursor
	if _, err := page.After(&after); err != nil {
		return 0, "", err
	}
	return page.Limit, after.Wallet, nil
}

// listOf is the API's list of a page of the wallet service, its cursor wrapped, or err.
func listOf[T any](items []T, next string, err error) (paging.List[T], error) {
	if err != nil {
		return paging.List[T]{}, err
	}
	out := paging.Of(items, "")
	if next != "" {
		out.NextCursor, err = paging.Encode(walletCursor{Wallet: next})
	}
	return out, err
}
