package k8s

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
)

// consumer is a durable JetStream consumer as the code declares it.
type consumer struct{ Stream, Durable string }

// durablesInCode reads the services' source (not their packages: the deploy module must not
// depend on them) and returns, per service, the durable consumers it creates: every call or
// composite literal that passes both an events.Stream* constant and a *Durable* constant, as in
// bus.ConsumerSpec{Stream: events.StreamAPI, Durable: PurchasesDurable}.
func durablesInCode(repo string) (map[string][]consumer, error) {
	streams, err := stringConsts(filepath.Join(repo, "pkg", "contract", "events"), "Stream")
	if err != nil {
		return nil, err
	}
	services, err := filepath.Glob(filepath.Join(repo, "services", "*"))
	if err != nil {
		return nil, fmt.Errorf("list services: %w", err)
	}
	found := map[string][]consumer{}
	for _, dir := range services {
		durables, err := stringConsts(dir, "Durable")
		if err != nil {
			return nil, err
		}
		files, err := parseTree(dir)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			found[filepath.Base(dir)] = append(found[filepath.Base(dir)], pairs(f, streams, durables)...)
		}
	}
	return found, nil
}

// pairs finds the (stream, durable) operands of calls and composite literals in f.
func pairs(f *ast.File, streams, durables map[string]string) []consumer {
	var out []consumer
	ast.Inspect(f, func(n ast.Node) bool {
		var operands []ast.Expr
		switch n := n.(type) {
		case *ast.CallExpr:
			operands = n.Args
		case *ast.CompositeLit:
			for _, e := range n.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					e = kv.Value
				}
				operands = append(operands, e)
			}
		}
		var c consumer
		for _, e := range operands {
			if sel, ok := e.(*ast.SelectorExpr); ok && isIdent(sel.X, "events") && streams[sel.Sel.Name] != "" {
				c.Stream = streams[sel.Sel.Name]
			} else if id, ok := e.(*ast.Ident); ok && durables[id.Name] != "" {
				c.Durable = durables[id.Name]
			}
		}
		if c.Stream != "" && c.Durable != "" {
			out = append(out, c)
		}
		return true
	})
	return out
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// stringConsts returns the string constants declared under dir whose name contains part.
func stringConsts(dir, part string) (map[string]string, error) {
	files, err := parseTree(dir)
	if err != nil {
		return nil, err
	}
	consts := map[string]string{}
	for _, f := range files {
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.CONST {
				continue
			}
			for _, spec := range gen.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if lit, ok := valueAt(vs, i).(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.Contains(name.Name, part) {
						consts[name.Name], _ = strconv.Unquote(lit.Value)
					}
				}
			}
		}
	}
	return consts, nil
}

func valueAt(vs *ast.ValueSpec, i int) ast.Expr {
	if i < len(vs.Values) {
		return vs.Values[i]
	}
	return nil
}

// parseTree parses the non-test Go files under dir.
func parseTree(dir string) ([]*ast.File, error) {
	var files []*ast.File
	fset := token.NewFileSet()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return fmt.Errorf("parse %s: %w", path, err)
		}
		files = append(files, f)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read Go source under %s: %w", dir, err)
	}
	return files, nil
}
