package k8s

import (
	"fmt"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	"sigs.k8s.io/yaml"
)

// manifests are the rendered objects decoded into their API types.
type manifests struct {
	Deployments   []appsv1.Deployment
	Jobs          []batchv1.Job
	Services      []corev1.Service
	ConfigMaps    []corev1.ConfigMap
	Secrets       []corev1.Secret
	Budgets       []policyv1.PodDisruptionBudget
	Policies      []networkingv1.NetworkPolicy
	Autoscalers   []autoscalingv2.HorizontalPodAutoscaler
	ScaledObjects []scaledObject
}

// scaledObject is the part of a KEDA ScaledObject the checks read (the schema checks the rest).
type scaledObject struct {
	Metadata struct{ Name, Namespace string }
	Spec     struct {
		ScaleTargetRef struct{ Kind, Name string }
		Triggers       []struct {
			Type     string
			Metadata map[string]string
		}
	}
}

// decodeAll decodes every object strictly: a field its API type does not have, or a kind this
// project does not expect, is a finding. ScaledObjects are checked against KEDA's schema.
func decodeAll(objs []object, keda *kedaSchema) (manifests, []string) {
	var m manifests
	var findings []string
	for _, o := range objs {
		if err := m.add(o, keda); err != nil {
			findings = append(findings, fmt.Sprintf("%s: %v", o, err))
		}
	}
	return m, findings
}

func (m *manifests) add(o object, keda *kedaSchema) error {
	switch o.APIVersion + " " + o.Kind {
	case "apps/v1 Deployment":
		return strictAppend(o, &m.Deployments)
	case "batch/v1 Job":
		return strictAppend(o, &m.Jobs)
	case "v1 Service":
		return strictAppend(o, &m.Services)
	case "v1 ConfigMap":
		return strictAppend(o, &m.ConfigMaps)
	case "v1 Secret":
		return strictAppend(o, &m.Secrets)
	case "policy/v1 PodDisruptionBudget":
		return strictAppend(o, &m.Budgets)
	case "networking.k8s.io/v1 NetworkPolicy":
		return strictAppend(o, &m.Policies)
	case "autoscaling/v2 HorizontalPodAutoscaler":
		return strictAppend(o, &m.Autoscalers)
	case "keda.sh/v1alpha1 ScaledObject":
		if err := keda.validate(o.YAML); err != nil {
			return err
		}
		var so scaledObject
		if err := yaml.Unmarshal(o.YAML, &so); err != nil {
			return fmt.Errorf("decode: %w", err)
		}
		m.ScaledObjects = append(m.ScaledObjects, so)
		return nil
	}
	return fmt.Errorf("unexpected kind %s %s", o.APIVersion, o.Kind)
}

// strictAppend decodes o into a new T, refusing unknown and duplicate fields, and appends it.
func strictAppend[T any](o object, list *[]T) error {
	var v T
	if err := yaml.UnmarshalStrict(o.YAML, &v); err != nil {
		return fmt.Errorf("strict decode: %w", err)
	}
	*list = append(*list, v)
	return nil
}
