package k8s

import (
	"fmt"
	"slices"

	"tickup.dev/pkg/config"
)

// workers are the Deployments KEDA scales; the api scales on CPU through its HPA.
var workers = []string{"ticketing", "wallet", "draw"}

// triggerKeys are the nats-jetstream trigger settings every worker's triggers must set.
var triggerKeys = []string{"natsServerMonitoringEndpoint", "account", "stream", "consumer", "lagThreshold"}

// scalingFindings wants one ScaledObject per worker, targeting its Deployment, with one
// nats-jetstream trigger per durable consumer the worker's code declares and none other.
func scalingFindings(m manifests, durables map[string][]consumer) []string {
	var findings []string
	for _, w := range workers {
		idx := slices.IndexFunc(m.ScaledObjects, func(so scaledObject) bool { return so.Spec.ScaleTargetRef.Name == w })
		if idx < 0 {
			findings = append(findings, fmt.Sprintf("worker %s has no ScaledObject", w))
			continue
		}
		so := m.ScaledObjects[idx]
		if kind := so.Spec.ScaleTargetRef.Kind; kind != "" && kind != "Deployment" {
			findings = append(findings, fmt.Sprintf("ScaledObject %s targets a %s", so.Metadata.Name, kind))
		}
		findings = append(findings, triggerFindings(so, w, durables[w])...)
	}
	return findings
}

func triggerFindings(so scaledObject, worker string, declared []consumer) []string {
	var findings []string
	var covered []consumer
	for _, t := range so.Spec.Triggers {
		if t.Type != "nats-jetstream" {
			findings = append(findings, fmt.Sprintf("ScaledObject %s: trigger type %q, want nats-jetstream", so.Metadata.Name, t.Type))
			continue
		}
		for _, k := range triggerKeys {
			if t.Metadata[k] == "" {
				findings = append(findings, fmt.Sprintf("ScaledObject %s: trigger without %s", so.Metadata.Name, k))
			}
		}
		// KEDA runs in its own namespace: only the Service's full name reaches NATS.
		if want := "nats." + so.Metadata.Namespace + ".svc.cluster.local:8222"; t.Metadata["natsServerMonitoringEndpoint"] != want {
			findings = append(findings, fmt.Sprintf("ScaledObject %s: natsServerMonitoringEndpoint %s, want %s",
				so.Metadata.Name, t.Metadata["natsServerMonitoringEndpoint"], want))
		}
		c := consumer{Stream: t.Metadata["stream"], Durable: t.Metadata["consumer"]}
		if !slices.Contains(declared, c) {
			findings = append(findings, fmt.Sprintf("ScaledObject %s: consumer %s/%s is no durable of %s in the code", so.Metadata.Name, c.Stream, c.Durable, worker))
		}
		covered = append(covered, c)
	}
	for _, c := range declared {
		if !slices.Contains(covered, c) {
			findings = append(findings, fmt.Sprintf("ScaledObject %s: no trigger on the lag of %s/%s", so.Metadata.Name, c.Stream, c.Durable))
		}
	}
	return findings
}

// configFindings reports ConfigMap and Secret keys (all of them feed envFrom) and container
// environment variables that no Tickup binary reads.
func configFindings(m manifests) []string {
	accepted := map[string]bool{config.EnvFileVar: true}
	for _, k := range config.Keys() {
		for _, env := range k.Env {
			accepted[env] = true
		}
	}
	var findings []string
	check := func(who, key string) {
		if !accepted[key] {
			findings = append(findings, fmt.Sprintf("%s: %s is not a configuration key", who, key))
		}
	}
	for _, cm := range m.ConfigMaps {
		for key := range cm.Data {
			check("ConfigMap "+cm.Name, key)
		}
	}
	for _, s := range m.Secrets {
		for key := range s.StringData {
			check("Secret "+s.Name, key)
		}
		for key := range s.Data {
			check("Secret "+s.Name, key)
		}
	}
	for _, d := range m.Deployments {
		for _, c := range d.Spec.Template.Spec.Containers {
			for _, e := range c.Env {
				check("Deployment "+d.Name, e.Name)
			}
		}
	}
	slices.Sort(findings)
	return findings
}
