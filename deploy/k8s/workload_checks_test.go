package k8s

import (
	"fmt"
	"slices"

	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
)

// deploymentFindings reports Deployments whose containers lack a probe, requests and limits, or
// the locked-down securityContext; the migrate Job gets the same checks except probes.
func deploymentFindings(m manifests) []string {
	var findings []string
	for _, d := range m.Deployments {
		findings = append(findings, podFindings("Deployment "+d.Name, d.Spec.Template.Spec, true)...)
	}
	for _, j := range m.Jobs {
		findings = append(findings, podFindings("Job "+j.Name, j.Spec.Template.Spec, false)...)
	}
	return findings
}

func podFindings(who string, pod corev1.PodSpec, probes bool) []string {
	var findings []string
	for _, c := range pod.Containers {
		where := fmt.Sprintf("%s: container %s", who, c.Name)
		if probes {
			findings = append(findings, probeFindings(where, c)...)
		}
		findings = append(findings, resourceFindings(where, c)...)
		findings = append(findings, securityFindings(where, pod.SecurityContext, c.SecurityContext)...)
	}
	return findings
}

// probeFindings wants startup and liveness on /healthz and readiness on /readyz, each on a port
// the container declares.
func probeFindings(where string, c corev1.Container) []string {
	var findings []string
	for _, p := range []struct {
		kind, path string
		probe      *corev1.Probe
	}{{"startup", "/healthz", c.StartupProbe}, {"liveness", "/healthz", c.LivenessProbe}, {"readiness", "/readyz", c.ReadinessProbe}} {
		switch {
		case p.probe == nil:
			findings = append(findings, fmt.Sprintf("%s has no %s probe", where, p.kind))
		case p.probe.HTTPGet == nil || p.probe.HTTPGet.Path != p.path:
			findings = append(findings, fmt.Sprintf("%s: %s probe does not GET %s", where, p.kind, p.path))
		case !declaresPort(c, p.probe.HTTPGet.Port.String()):
			findings = append(findings, fmt.Sprintf("%s: %s probe port %s is not a container port", where, p.kind, p.probe.HTTPGet.Port.String()))
		}
	}
	return findings
}

func declaresPort(c corev1.Container, port string) bool {
	return slices.ContainsFunc(c.Ports, func(p corev1.ContainerPort) bool {
		return p.Name == port || fmt.Sprint(p.ContainerPort) == port
	})
}

func resourceFindings(where string, c corev1.Container) []string {
	var findings []string
	for _, name := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		if _, ok := c.Resources.Requests[name]; !ok {
			findings = append(findings, fmt.Sprintf("%s has no %s request", where, name))
		}
		if _, ok := c.Resources.Limits[name]; !ok {
			findings = append(findings, fmt.Sprintf("%s has no %s limit", where, name))
		}
	}
	return findings
}

// securityFindings wants a non-root user (pod or container level), a read-only root file
// system, no privilege escalation and every capability dropped.
func securityFindings(where string, pod *corev1.PodSecurityContext, sc *corev1.SecurityContext) []string {
	if sc == nil {
		return []string{where + " has no securityContext"}
	}
	var findings []string
	nonRoot := isTrue(sc.RunAsNonRoot) || (sc.RunAsNonRoot == nil && pod != nil && isTrue(pod.RunAsNonRoot))
	if !nonRoot {
		findings = append(findings, where+" may run as root")
	}
	if !isTrue(sc.ReadOnlyRootFilesystem) {
		findings = append(findings, where+" has a writable root file system")
	}
	if sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation || isTrue(sc.Privileged) {
		findings = append(findings, where+" allows privilege escalation")
	}
	if sc.Capabilities == nil || !slices.Contains(sc.Capabilities.Drop, "ALL") {
		findings = append(findings, where+" does not drop ALL capabilities")
	}
	return findings
}

func isTrue(b *bool) bool { return b != nil && *b }

// podLabels maps each Deployment and Job name to its pod template's labels.
func podLabels(m manifests) map[string]map[string]string {
	labels := map[string]map[string]string{}
	for _, d := range m.Deployments {
		labels[d.Name] = d.Spec.Template.Labels
	}
	for _, j := range m.Jobs {
		labels[j.Name] = j.Spec.Template.Labels
	}
	return labels
}

// autoscalerFindings wants an autoscaling/v2 HPA on the api Deployment and a PodDisruptionBudget
// selecting each Deployment's pods.
func autoscalerFindings(m manifests) []string {
	var findings []string
	if !slices.ContainsFunc(m.Autoscalers, func(h autoscalingv2.HorizontalPodAutoscaler) bool {
		return h.Spec.ScaleTargetRef.Kind == "Deployment" && h.Spec.ScaleTargetRef.Name == "api"
	}) {
		findings = append(findings, "no HorizontalPodAutoscaler scales the api Deployment")
	}
	for _, d := range m.Deployments {
		if !slices.ContainsFunc(m.Budgets, func(b policyv1.PodDisruptionBudget) bool {
			return selectsLabels(b.Spec.Selector, d.Spec.Template.Labels)
		}) {
			findings = append(findings, "Deployment "+d.Name+" has no PodDisruptionBudget")
		}
	}
	return findings
}
