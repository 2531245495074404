package io.kubekt.test.registry

import io.kubekt.test.NameRule
import io.kubekt.test.ResourceType

/** The built-in resources served by default, with the names, verbs and field selectors of a real server. */
internal object BuiltinResources {
    private fun type(group: String, version: String, plural: String, kind: String) =
        ResourceType.builder(group, version, plural, kind)

    private val noCollectionDelete = arrayOf("create", "delete", "get", "list", "patch", "update", "watch")

    val all: List<ResourceType> = listOf(
        type("", "v1", "namespaces", "Namespace").namespaced(false).shortNames("ns").statusSubresource()
            .nameRule(NameRule.DNS1123_LABEL).verbs(*noCollectionDelete).fieldSelectors("status.phase").customFieldError().build(),
        type("", "v1", "pods", "Pod").shortNames("po").categories("all").statusSubresource().gracefulDelete()
            .fieldSelectors(
                "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork",
                "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName",
            ).customFieldError().build(),
        type("", "v1", "services", "Service").shortNames("svc").categories("all").statusSubresource()
            .nameRule(NameRule.DNS1035_LABEL).build(),
        type("", "v1", "endpoints", "Endpoints").listKind("EndpointsList").shortNames("ep").build(),
        type("", "v1", "configmaps", "ConfigMap").shortNames("cm").build(),
        type("", "v1", "secrets", "Secret").fieldSelectors("type").customFieldError().build(),
        type("", "v1", "serviceaccounts", "ServiceAccount").shortNames("sa").build(),
        type("", "v1", "nodes", "Node").namespaced(false).shortNames("no").statusSubresource()
            .fieldSelectors("spec.unschedulable").customFieldError().build(),
        type("", "v1", "events", "Event").shortNames("ev").fieldSelectors(
            "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
            "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
            "reason", "reportingComponent", "source", "type",
        ).customFieldError().build(),
        workload("deployments", "Deployment", "deploy", scale = true),
        workload("replicasets", "ReplicaSet", "rs", scale = true, "status.replicas"),
        workload("statefulsets", "StatefulSet", "sts", scale = true),
        workload("daemonsets", "DaemonSet", "ds", scale = false),
        type("batch", "v1", "jobs", "Job").categories("all").statusSubresource().tracksGeneration(true)
            .fieldSelectors("status.successful").customFieldError().build(),
        type("batch", "v1", "cronjobs", "CronJob").shortNames("cj").categories("all").statusSubresource()
            .tracksGeneration(true).build(),
        type("coordination.k8s.io", "v1", "leases", "Lease").build(),
        type("rbac.authorization.k8s.io", "v1", "roles", "Role").nameRule(NameRule.PATH_SEGMENT).build(),
        type("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding").nameRule(NameRule.PATH_SEGMENT).build(),
        type("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole").namespaced(false)
            .nameRule(NameRule.PATH_SEGMENT).build(),
        type("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding").namespaced(false)
            .nameRule(NameRule.PATH_SEGMENT).build(),
        type("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition").namespaced(false)
            .shortNames("crd", "crds").categories("api-extensions").statusSubresource().tracksGeneration(true).build(),
        type("authentication.k8s.io", "v1", "selfsubjectreviews", "SelfSubjectReview").namespaced(false).verbs("create").build(),
    )

    private fun workload(plural: String, kind: String, short: String, scale: Boolean, vararg fields: String): ResourceType {
        val b = type("apps", "v1", plural, kind).shortNames(short).categories("all").statusSubresource()
            .tracksGeneration(true).fieldSelectors(*fields)
        if (scale) b.scaleSubresource()
        if (fields.isNotEmpty()) b.customFieldError()
        return b.build()
    }
}
