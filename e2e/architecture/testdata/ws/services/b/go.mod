module tickup.dev/services/b

go 1.26.0
