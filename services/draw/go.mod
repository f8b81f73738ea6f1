module tickup.dev/services/draw

go 1.26.0

require tickup.dev/pkg v0.0.0

replace tickup.dev/pkg => ../../pkg
