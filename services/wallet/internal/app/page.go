package app

// Page is one page of a list and the cursor of the next ("" on the last page).
type Page[T any] struct {
	Items []T
	Next  string
}

// pageOf cuts items, read with limit+1, to one page; key names the cursor of the next.
func pageOf[T any](items []T, limit int, key func(T) string) Page[T] {
	if len(items) <= limit {
		return Page[T]{Items: items}
	}
	return Page[T]{Items: items[:limit], Next: key(items[limit-1])}
}
