// The draw page's verifier: recomputes tickup-draw-v1 (docs/fairness.md) from a proof with
// the browser's WebCrypto and says VALID, or INVALID with what differs. It writes text only
// (textContent), never markup, so nothing a proof contains can become code.
'use strict';

const ALGORITHM = 'tickup-draw-v1';
const TWO64 = 1n << 64n;
const encoder = new TextEncoder();

// ProofError is a proof whose shape is wrong, so it cannot be recomputed at all.
class ProofError extends Error {}

// show writes a proof's value for a person: text as it is, anything else as JSON.
const show = (v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));
const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function fromHex(field, text, length) {
  if (typeof text !== 'string' || !/^(?:[0-9a-f]{2})*$/.test(text) || text.length !== 2 * length) {
    throw new ProofError(`${field}: ${show(text)} is not ${length} bytes of lowercase hex`);
  }
  return Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16));
}

function u64be(n) {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, n);
  return out;
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

async function hmac(key, message) {
  const k = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', k, message));
}

// Words is step 3: word c is the first 8 bytes, big-endian, of HMAC(S, u64be(c)).
class Words {
  constructor(s) { this.s = s; this.used = 0n; }
  async next() {
    const mac = await hmac(this.s, u64be(this.used));
    this.used++;
    return new DataView(mac.buffer).getBigUint64(0);
  }
  // below is step 4: a fair number in [0, n), throwing away words at or over the limit.
  async below(n) {
    const limit = TWO64 - (TWO64 % n);
    for (;;) {
      const w = await this.next();
      if (w < limit) return w % n;
    }
  }
}

// checkShape refuses what cannot be recomputed: ticket numbers ≥ 1 and strictly increasing
// (a voided ticket leaves a gap: its number is never reused), weights ≥ 1.
function checkShape(p) {
  if (p === null || typeof p !== 'object') throw new ProofError('proof: not a JSON object');
  if (typeof p.pool_id !== 'string') throw new ProofError(`pool_id: ${show(p.pool_id)} is not text`);
  if (!Array.isArray(p.tickets)) throw new ProofError('tickets: not a list');
  if (!Array.isArray(p.winners)) throw new ProofError('winners: not a list');
  let previous = 0;
  p.tickets.forEach((t, i) => {
    if (t === null || typeof t !== 'object' || !Number.isSafeInteger(t.ticket_num) || t.ticket_num <= previous) {
      throw new ProofError(`tickets: entry ${i + 1} is ticket ${show(t && t.ticket_num)}, want a number above ${previous}`);
    }
    previous = t.ticket_num;
    if (!Number.isSafeInteger(t.weight) || t.weight < 1) throw new ProofError(`tickets: ticket ${t.ticket_num} has weight ${show(t.weight)}`);
    if (typeof t.participant !== 'string') throw new ProofError(`tickets: ticket ${t.ticket_num} has participant ${show(t.participant)}`);
  });
}

// winnersCount is how many winners the draw must have: as its terms fix, else as listed.
function winnersCount(p) {
  if (p.terms === undefined || p.terms === null) return p.winners.length;
  if (!Number.isSafeInteger(p.terms.winners_count) || p.terms.winners_count < 1) {
    throw new ProofError(`terms: winners_count ${show(p.terms.winners_count)} is not a number of winners`);
  }
  return p.terms.winners_count;
}

// recompute redoes steps 1 to 5 for k winners.
async function recompute(p, k) {
  const seed = fromHex('seed', p.seed, 32);
  const lines = p.tickets.map((t) => `${t.ticket_num}:${t.participant}:${t.weight}\n`).join('');
  const e = await sha256(encoder.encode(lines));
  const beacon = p.beacon ? fromHex('beacon.randomness', p.beacon.randomness, 32) : new Uint8Array(0);
  const message = concat(encoder.encode(ALGORITHM), [0], encoder.encode(p.pool_id), [0], e,
    u64be(BigInt(p.tickets.length)), beacon);
  const s = await hmac(seed, message);
  const words = new Words(s);
  const remaining = p.tickets.slice();
  const winners = [];
  for (let tier = 1; tier <= k && remaining.length > 0; tier++) {
    const x = await words.below(remaining.reduce((sum, t) => sum + BigInt(t.weight), 0n));
    let running = 0n;
    const i = remaining.findIndex((t) => x < (running += BigInt(t.weight)));
    const [t] = remaining.splice(i, 1);
    winners.push({ tier, ticket_num: t.ticket_num, participant: t.participant });
  }
  return { commitment: toHex(await sha256(seed)), ticketsHash: toHex(e), s: toHex(s), wordsUsed: words.used, winners };
}

const termsText = (t) => show(t ? { winners_count: t.winners_count, beacon: t.beacon ? { chain_hash: t.beacon.chain_hash, round_rule: t.beacon.round_rule } : null } : null);
const winnerText = (w) => (w ? `ticket ${show(w.ticket_num)} (participant ${show(w.participant)})` : 'nobody');

// termsDifferences compares the proof with its own terms and with the terms the pool published.
function termsDifferences(p, k, published) {
  const out = [];
  if (p.terms) {
    if (p.winners.length !== k) out.push(`winners: the proof lists ${p.winners.length}, its terms fix ${k}`);
    if (Boolean(p.beacon) !== Boolean(p.terms.beacon)) {
      out.push(`beacon: the proof ${p.beacon ? 'uses a beacon' : 'uses no beacon'}, its terms say ${p.terms.beacon ? 'a drand beacon' : 'no beacon'}`);
    }
  }
  if (published.terms && termsText(p.terms) !== termsText(published.terms)) {
    out.push(`terms: the proof says ${termsText(p.terms)}, the pool published ${termsText(published.terms)}`);
  }
  return out;
}

// winnerDifferences compares the listed winners with the recomputed ones, tier by tier.
function winnerDifferences(listed, got) {
  const out = [];
  for (let i = 0; i < Math.max(listed.length, got.length); i++) {
    const l = listed[i];
    const g = got[i];
    if (!l || !g || l.tier !== g.tier || l.ticket_num !== g.ticket_num || l.participant !== g.participant) {
      out.push(`winners: tier ${i + 1} is ${winnerText(l)} in the proof, the recomputation gives ${winnerText(g)}`);
    }
  }
  return out;
}

// verify checks proof p against itself and against what the pool published before any
// sale (published: {poolId, commitment, terms}); it answers the differences, none when VALID.
async function verify(p, published) {
  checkShape(p);
  const k = winnersCount(p);
  const got = await recompute(p, k);
  const out = [];
  const differ = (ok, text) => { if (!ok) out.push(text); };
  differ(p.algorithm === ALGORITHM, `algorithm: the proof says ${show(p.algorithm)}, this page checks ${ALGORITHM}`);
  differ(!published.poolId || p.pool_id === published.poolId, `pool_id: the proof says ${show(p.pool_id)}, this page is pool ${published.poolId}`);
  differ(p.commitment === got.commitment, `commitment: the proof says ${show(p.commitment)}, SHA-256(seed) is ${got.commitment}`);
  differ(!published.commitment || p.commitment === published.commitment,
    `commitment: the proof says ${show(p.commitment)}, the pool published ${published.commitment} before any sale`);
  differ(p.tickets_hash === got.ticketsHash, `tickets_hash: the proof says ${show(p.tickets_hash)}, the tickets hash to ${got.ticketsHash}`);
  differ(p.n === p.tickets.length, `n: the proof says ${show(p.n)}, it lists ${p.tickets.length} tickets`);
  out.push(...termsDifferences(p, k, published));
  out.push(...winnerDifferences(p.winners, got.winners));
  differ(Number.isSafeInteger(p.words_used) && BigInt(p.words_used) === got.wordsUsed,
    `words_used: the proof says ${show(p.words_used)}, the recomputation used ${got.wordsUsed}`);
  return { differences: out, recomputed: got };
}

// published reads what the page shows of the pool as it was before any sale.
function published(main) {
  const terms = main.dataset.terms ? JSON.parse(main.dataset.terms) : null;
  return { poolId: main.dataset.poolId, commitment: main.dataset.commitment, terms };
}

function report(verdict, detail, differences) {
  const out = document.getElementById('verdict');
  out.textContent = verdict;
  out.className = verdict === 'VALID' ? 'valid' : 'invalid';
  document.getElementById('recomputed').textContent = detail;
  document.getElementById('differences').replaceChildren(...differences.map((d) => {
    const li = document.createElement('li');
    li.textContent = d;
    return li;
  }));
}

async function check() {
  if (!globalThis.crypto || !crypto.subtle) {
    report('CANNOT VERIFY', 'This browser offers WebCrypto only on HTTPS or localhost pages.', []);
    return;
  }
  let proof;
  try {
    proof = JSON.parse(document.getElementById('proof').value);
  } catch (err) {
    report('INVALID', '', [`proof: not JSON (${err.message})`]);
    return;
  }
  try {
    const { differences, recomputed: r } = await verify(proof, published(document.getElementById('draw')));
    const detail = `Recomputed: S = ${r.s}; winners ${r.winners.map((w) => `#${w.ticket_num}`).join(', ') || 'none'}; ${r.wordsUsed} words used.`;
    report(differences.length === 0 ? 'VALID' : 'INVALID', detail, differences);
  } catch (err) {
    if (!(err instanceof ProofError)) throw err;
    report('INVALID', '', [err.message]);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('verify');
  if (!button) return; // not drawn yet: nothing to verify
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await check();
    } catch (err) {
      report('INVALID', '', [`proof: cannot be recomputed (${err.message})`]);
    } finally {
      button.disabled = false;
    }
  });
});
