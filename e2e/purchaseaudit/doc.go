// Package purchaseaudit tests the purchase audit of services/api/purchaseaudit on books that
// span the api, ticketing and wallet schemas: it migrates all three services' tables, which
// the api module itself cannot do without requiring the other services.
package purchaseaudit
