package domain

// PrizeCash is the prize type the wallet pays out: its value is credited to each winner.
const PrizeCash = "CASH"
