package domain

import "testing"

func TestTermsValidate(t *testing.T) {
	t.Parallel()
	good := &TermsBeacon{ChainHash: testChainHash, RoundRule: RoundRuleAfterFull}
	tests := []struct {
		name  string
		terms Terms
		field string
	}{
		{"no beacon", Terms{WinnersCount: 1}, ""},
		{"a beacon", Terms{WinnersCount: 3, Beacon: good}, ""},
		{"no winners", Terms{WinnersCount: 0}, "terms.winners_count"},
		{"a chain that is not a hash", Terms{WinnersCount: 1, Beacon: &TermsBeacon{ChainHash: "quicknet", RoundRule: RoundRuleAfterFull}},
			"terms.beacon.chain_hash"},
		{"an unknown round rule", Terms{WinnersCount: 1, Beacon: &TermsBeacon{ChainHash: testChainHash, RoundRule: "any round"}},
			"terms.beacon.round_rule"},
	}
	for _, tc := range tests {
		err := tc.terms.Validate()
		inErr, _ := err.(*InputError)
		if (tc.field == "") != (err == nil) || (inErr != nil && inErr.Field != tc.field) {
			t.Errorf("%s: %v, want a problem on %q", tc.name, err, tc.field)
		}
	}
	if !(Terms{WinnersCount: 3, Beacon: good}).Equal(Terms{WinnersCount: 3, Beacon: &TermsBeacon{ChainHash: testChainHash, RoundRule: RoundRuleAfterFull}}) ||
		(Terms{WinnersCount: 3, Beacon: good}).Equal(Terms{WinnersCount: 3}) || (Terms{WinnersCount: 3}).Equal(Terms{WinnersCount: 2}) {
		t.Error("Equal compares winners and beacon")
	}
}
