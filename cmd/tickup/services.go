package main

import (
	"context"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"tickup.dev/pkg/config"
	"tickup.dev/services/api/api"
	"tickup.dev/services/draw/draw"
	"tickup.dev/services/ticketing/ticketing"
	"tickup.dev/services/wallet/wallet"
)

// serviceDef is one of the four services as the operator binary sees it.
type serviceDef struct {
	run        func(ctx context.Context, cfg config.Config) error
	migrations fs.FS
}

func services() map[string]serviceDef {
	return map[string]serviceDef{
		api.Name:       {api.Run, api.Migrations},
		ticketing.Name: {ticketing.Run, ticketing.Migrations},
		wallet.Name:    {wallet.Run, wallet.Migrations},
		draw.Name:      {draw.Run, draw.Migrations},
	}
}

func serviceNames() []string {
	names := make([]string, 0, 4)
	for n := range services() {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func lookupService(name string) (serviceDef, error) {
	def, ok := services()[name]
	if !ok {
		return serviceDef{}, fmt.Errorf("unknown service %q (want one of %s)", name, strings.Join(serviceNames(), ", "))
	}
	return def, nil
}
