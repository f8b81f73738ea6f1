module tickup.dev/services/a

go 1.26.0

require tickup.dev/services/b v0.0.0

replace tickup.dev/services/b => ../b
