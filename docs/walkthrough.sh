#!/usr/bin/env bash
# A raffle from the first token to a verified draw, against a running `make run`.
# README.md shows this file verbatim and `make test` runs it (cmd/tickup/walkthrough_test.go).
# API: the gateway (default http://127.0.0.1:$BACKEND_PORT, 8000); TICKUP: the binary.
set -euo pipefail
API=${API:-http://127.0.0.1:${BACKEND_PORT:-8000}}
TICKUP=${TICKUP:-bin/tickup}

fail() { echo "walkthrough: $*" >&2; exit 1; }
# call STATUS METHOD PATH TOKEN [BODY]: prints the answer; any other status stops here.
call() {
  local answer
  answer=$(curl -sS -X "$2" -H "Authorization: Bearer $4" -H 'Content-Type: application/json' \
    ${5:+--data "$5"} -w '\n%{http_code}' "$API/api/v1$3") || fail "$2 $3: curl failed"
  [ "${answer##*$'\n'}" = "$1" ] || fail "$2 $3 answered ${answer##*$'\n'}, want $1: ${answer%$'\n'*}"
  printf '%s\n' "${answer%$'\n'*}"
}
# field NAME: the first "NAME" string or number of the JSON on stdin (none: call said why).
field() {
  local in v
  in=$(cat)
  [ -n "$in" ] || exit 1
  v=$(printf '%s\n' "$in" | grep -o "\"$1\":\"\{0,1\}[^\",}]*" | head -n 1 | sed 's/^[^:]*:"\{0,1\}//') || true
  [ -n "$v" ] || fail "no $1 in $in"
  printf '%s\n' "$v"
}
# webhook OUTCOME ARGS...: the simulated provider posts a signed event; another outcome stops here.
webhook() {
  local want=$1 answer
  shift
  answer=$("$TICKUP" webhook send --api "$API" "$@") || fail "webhook send $*: $answer"
  [[ $answer == *"\"outcome\":\"$want\""* ]] || fail "webhook send $*: $answer, want outcome $want"
  printf '%s\n' "$answer"
}
# eventually WHAT TEXT COMMAND...: reruns COMMAND each second, up to 60 s, until it prints TEXT.
eventually() {
  local what=$1 want=$2 out=""
  shift 2
  for _ in $(seq 60); do
    out=$("$@") && [[ $out == *"$want"* ]] && return 0
    sleep 1
  done
  fail "$what: no $want after 60 s: $out"
}

echo "1. Tokens: an admin, and Ann, a user"
ADMIN=$("$TICKUP" token --role admin --user 00000000-0000-4000-8000-000000000001)
ANN=$("$TICKUP" token --role user --user 00000000-0000-4000-8000-00000000a11e)

echo "2. The admin creates a prize and a pool of 3 tickets at 5.00 EUR"
PRIZE=$(call 201 POST /prizes "$ADMIN" '{"title":"Bike","value_cents":49900,"currency":"EUR","stock":1}' | field prize_id)
POOL=$(call 201 POST /pools "$ADMIN" "{\"prize_id\":\"$PRIZE\",\"ticket_price_cents\":500,\"tickets_required\":3}" | field pool_id)

echo "3. Ann buys a ticket by card; the simulated provider confirms the payment"
PURCHASE=$(call 202 POST /purchases "$ANN" "{\"pool_id\":\"$POOL\",\"payment_method\":\"provider\",\"provider\":\"stripe\"}" | field purchase_id)
webhook confirmed --provider stripe --event payment.succeeded --purchase "$PURCHASE" --amount 500

echo "4. Her ticket is issued"
eventually "Ann's card ticket" "\"purchase_id\":\"$PURCHASE\"" call 200 GET "/tickets?pool_id=$POOL" "$ANN"

echo "5. She tops up her wallet with 10.00 EUR; the simulated provider confirms it"
TOPUP=$(call 201 POST /wallet/topups "$ANN" '{"amount_cents":1000,"provider":"generic"}' | field topup_id)
webhook forwarded --provider generic --event payment.succeeded --topup "$TOPUP" --amount 1000
eventually "the top-up" '"available_cents":1000' call 200 GET /wallet "$ANN"

echo "6. She buys a ticket from her wallet"
call 202 POST /purchases "$ANN" "{\"pool_id\":\"$POOL\",\"payment_method\":\"wallet\"}" | field purchase_id
eventually "the wallet ticket" '"count":2' call 200 GET "/pools/$POOL/tickets/count" "$ANN"

echo "7. She buys the remaining ticket: the pool is sold out and drawn"
call 202 POST /purchases "$ANN" "{\"pool_id\":\"$POOL\",\"payment_method\":\"wallet\"}" | field purchase_id
eventually "the draw" '"state":"DRAWN"' call 200 GET "/pools/$POOL" "$ANN"

echo "8. Anyone can recompute the draw from its public proof"
"$TICKUP" verify-draw --pool "$POOL" --api "$API"
echo "Walkthrough passed. The draw's page: $API/api/v1/pools/$POOL/draw"
