package io.kubekt.api

import io.kubekt.api.meta.v1.ObjectMeta

/** A top-level Kubernetes object: it has `apiVersion`, `kind` and `metadata` (a Pod, a Deployment, a CRD object). */
public interface KubeObject {
    /** The `apiVersion`, e.g. `apps/v1`; often absent on list items. */
    public val apiVersion: String?

    /** The `kind`, e.g. `Deployment`; often absent on list items. */
    public val kind: String?

    /** Name, namespace, labels, resourceVersion and the rest of the standard object metadata. */
    public val metadata: ObjectMeta?
}
