// Package k8s holds the checks of the Kubernetes manifests under deploy/k8s: a kustomize base
// and the dev and prod overlays. Its tests render each overlay with the kustomize API (what
// `kubectl apply -k` runs), decode every object strictly into the Kubernetes API types, validate
// the KEDA ScaledObjects against KEDA's CRD schema (testdata) and check what docs/deploy.md
// promises: probes, resources and a locked-down securityContext on every Deployment, the api
// alone reachable from outside, workers that reach only PostgreSQL, NATS and DNS, and one
// ScaledObject per worker on the lag of the durable consumers its code declares.
package k8s
