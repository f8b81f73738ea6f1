module tickup.dev/cmd/tickup

go 1.26.0

require (
	tickup.dev/pkg v0.0.0
	tickup.dev/services/api v0.0.0
	tickup.dev/services/draw v0.0.0
	tickup.dev/services/ticketing v0.0.0
	tickup.dev/services/wallet v0.0.0
)

require (
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/spf13/cobra v1.10.2 // indirect
	github.com/spf13/pflag v1.0.10 // indirect
)

replace (
	tickup.dev/pkg => ../../pkg
	tickup.dev/services/api => ../../services/api
	tickup.dev/services/draw => ../../services/draw
	tickup.dev/services/ticketing => ../../services/ticketing
	tickup.dev/services/wallet => ../../services/wallet
)
