package k8s

import (
	"fmt"
	"slices"

	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
)

// public is the one workload that may admit traffic from outside the cluster.
const public = "api"

// outsideHTTPS names the workers allowed HTTPS to the outside world besides PostgreSQL, NATS
// and DNS, and why: draw posts the winner notification webhook (TICKUP_NOTIFY_WEBHOOK_URL).
var outsideHTTPS = map[string]bool{"draw": true}

// selectsLabels reports whether sel matches a pod with the given labels.
func selectsLabels(sel *metav1.LabelSelector, podLabels map[string]string) bool {
	s, err := metav1.LabelSelectorAsSelector(sel)
	return err == nil && s.Matches(labels.Set(podLabels))
}

// exposureFindings reports any way into a workload other than the api from outside the
// cluster: a LoadBalancer or NodePort Service, external IPs, or a NetworkPolicy ingress rule
// open to every source, an IP block, or every namespace.
func exposureFindings(m manifests) []string {
	var findings []string
	pods := podLabels(m)
	for _, s := range m.Services {
		open := s.Spec.Type == corev1.ServiceTypeLoadBalancer || s.Spec.Type == corev1.ServiceTypeNodePort || len(s.Spec.ExternalIPs) > 0
		for name, l := range pods {
			if open && name != public && len(s.Spec.Selector) > 0 && labels.SelectorFromSet(s.Spec.Selector).Matches(labels.Set(l)) {
				findings = append(findings, fmt.Sprintf("%s: Service %s (%s) exposes it outside the cluster", name, s.Name, s.Spec.Type))
			}
		}
	}
	for _, p := range m.Policies {
		if !slices.ContainsFunc(p.Spec.Ingress, openIngress) {
			continue
		}
		for name, l := range pods {
			if name != public && selectsLabels(&p.Spec.PodSelector, l) {
				findings = append(findings, fmt.Sprintf("%s: NetworkPolicy %s admits traffic from outside", name, p.Name))
			}
		}
	}
	slices.Sort(findings)
	return findings
}

func openIngress(r networkingv1.NetworkPolicyIngressRule) bool {
	if len(r.From) == 0 {
		return true
	}
	return slices.ContainsFunc(r.From, func(peer networkingv1.NetworkPolicyPeer) bool {
		allNamespaces := peer.NamespaceSelector != nil && len(peer.NamespaceSelector.MatchLabels) == 0 &&
			len(peer.NamespaceSelector.MatchExpressions) == 0
		return peer.IPBlock != nil || allNamespaces
	})
}

// egressFindings wants every workload's pods under a policy that restricts egress, and every
// egress rule selecting a worker to reach only PostgreSQL, NATS or the cluster DNS (plus HTTPS
// outside the cluster for the workers in outsideHTTPS).
func egressFindings(m manifests) []string {
	var findings []string
	for name, l := range podLabels(m) {
		restricted := false
		for _, p := range m.Policies {
			if !selectsLabels(&p.Spec.PodSelector, l) || !slices.Contains(p.Spec.PolicyTypes, networkingv1.PolicyTypeEgress) {
				continue
			}
			restricted = true
			if name == public {
				continue
			}
			for _, r := range p.Spec.Egress {
				if !allowedEgress(name, r) {
					findings = append(findings, fmt.Sprintf("%s: NetworkPolicy %s lets it reach more than PostgreSQL, NATS and DNS", name, p.Name))
				}
			}
		}
		if !restricted {
			findings = append(findings, name+": no NetworkPolicy restricts its egress")
		}
	}
	slices.Sort(findings)
	return findings
}

func allowedEgress(worker string, r networkingv1.NetworkPolicyEgressRule) bool {
	if len(r.To) == 0 {
		return false
	}
	if outsideHTTPS[worker] && onlyPort(r.Ports, 443) && !slices.ContainsFunc(r.To, func(p networkingv1.NetworkPolicyPeer) bool { return p.IPBlock == nil }) {
		return true
	}
	return !slices.ContainsFunc(r.To, func(p networkingv1.NetworkPolicyPeer) bool { return !knownPeer(p) })
}

// knownPeer is PostgreSQL or NATS in the namespace, or kube-dns in kube-system.
func knownPeer(p networkingv1.NetworkPolicyPeer) bool {
	if p.IPBlock != nil || p.PodSelector == nil {
		return false
	}
	name := p.PodSelector.MatchLabels["app.kubernetes.io/name"]
	if p.NamespaceSelector == nil {
		return name == "postgresql" || name == "nats"
	}
	return p.NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"] == "kube-system" &&
		p.PodSelector.MatchLabels["k8s-app"] == "kube-dns"
}

func onlyPort(ports []networkingv1.NetworkPolicyPort, want int32) bool {
	return len(ports) > 0 && !slices.ContainsFunc(ports, func(p networkingv1.NetworkPolicyPort) bool {
		return p.Port == nil || p.Port.IntVal != want || p.EndPort != nil
	})
}
