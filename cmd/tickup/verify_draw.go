package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"tickup.dev/services/draw/drawproof"
)

// maxProofSize bounds a fetched proof (a pool of 100,000 tickets is about 6 MB).
const maxProofSize = 256 << 20

func newVerifyDrawCmd() *cobra.Command {
	var poolID, apiURL, file string
	cmd := &cobra.Command{
		Use:   "verify-draw (--file proof.json | --pool ID --api URL)",
		Short: "Recompute a draw from its public proof (tickup-draw-v1): prints VALID or what does not match",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			data, err := readProof(cmd.Context(), file, poolID, apiURL)
			if err != nil {
				return err
			}
			return verifyDraw(cmd.OutOrStdout(), data, poolID)
		},
	}
	f := cmd.Flags()
	f.StringVar(&file, "file", "", "a saved proof (GET /api/v1/draws/{pool_id})")
	f.StringVar(&poolID, "pool", "", "the pool whose proof to fetch from --api")
	f.StringVar(&apiURL, "api", "", "the Tickup API's base URL, e.g. https://api.example.com")
	cmd.MarkFlagsMutuallyExclusive("file", "pool")
	cmd.MarkFlagsMutuallyExclusive("file", "api")
	cmd.MarkFlagsRequiredTogether("pool", "api")
	cmd.MarkFlagsOneRequired("file", "pool")
	return cmd
}

func readProof(ctx context.Context, file, poolID, apiURL string) ([]byte, error) {
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("read proof: %w", err)
		}
		return data, nil
	}
	return fetchProof(ctx, apiURL, poolID)
}

// fetchProof GETs {api}/api/v1/draws/{pool_id}.
func fetchProof(ctx context.Context, apiURL, poolID string) ([]byte, error) {
	u := strings.TrimRight(apiURL, "/") + "/api/v1/draws/" + url.PathEscape(poolID)
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("fetch proof: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch proof: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxProofSize))
	if err != nil {
		return nil, fmt.Errorf("fetch proof from %s: %w", u, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch proof: GET %s answered %s: %s", u, resp.Status, strings.TrimSpace(string(body)))
	}
	return body, nil
}

// verifyDraw recomputes the proof and prints VALID, or INVALID and one line per mismatch
// (exit code 1). wantPool, when set, must be the proof's pool.
func verifyDraw(out io.Writer, data []byte, wantPool string) error {
	proof, err := drawproof.Parse(data)
	if err != nil {
		return err
	}
	var lines []string
	if wantPool != "" && proof.PoolID != wantPool {
		lines = append(lines, fmt.Sprintf("pool_id: proof says %s, asked for %s", proof.PoolID, wantPool))
	}
	for _, m := range drawproof.Verify(proof) {
		lines = append(lines, m.String())
	}
	if len(lines) > 0 {
		fmt.Fprintln(out, "INVALID")
		for _, l := range lines {
			fmt.Fprintln(out, l)
		}
		return &exitError{code: 1, err: fmt.Errorf("the proof of pool %s does not verify: %d mismatches", proof.PoolID, len(lines))}
	}
	printValid(out, proof)
	return nil
}

func printValid(out io.Writer, p drawproof.Proof) {
	fmt.Fprintln(out, "VALID")
	fmt.Fprintf(out, "pool %s: %s, %s (%s)\n", p.PoolID, counted(p.N, "ticket"), counted(uint64(len(p.Winners)), "winner"),
		p.Algorithm)
	for _, w := range p.Winners {
		fmt.Fprintf(out, "  tier %d: ticket %d (participant %s)\n", w.Tier, w.TicketNum, w.Participant)
	}
	fmt.Fprintf(out, "terms: %s\n", p.Terms)
	fmt.Fprintf(out, "check that commitment %s and these terms are the ones the pool showed before you bought\n", p.Commitment)
	if p.Beacon != nil {
		fmt.Fprintf(out, "check on drand chain %s that round %d has randomness %s and is the first published at or after FULL + 30 s\n",
			p.Terms.Beacon.ChainHash, p.Beacon.Round, p.Beacon.Randomness)
	}
}

// counted writes n things in English: "1 ticket", "3 tickets".
func counted(n uint64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
