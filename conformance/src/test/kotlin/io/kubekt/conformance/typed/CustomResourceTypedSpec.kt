package io.kubekt.conformance.typed

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.eventually
import io.kubekt.api.apiextensions.v1.CustomResourceDefinition
import io.kubekt.testcrd.dubhe.v1alpha1.CukCluster
import io.kubekt.testcrd.dubhe.v1alpha1.CukClusterList
import io.kubekt.error.ApiException
import io.kubekt.request.PatchType
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.withTimeout

private const val CRD = """{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
"metadata":{"name":"cukclusters.dubhe.welkin"},
"spec":{"group":"dubhe.welkin","scope":"Namespaced",
"names":{"plural":"cukclusters","singular":"cukcluster","kind":"CukCluster","listKind":"CukClusterList"},
"versions":[{"name":"v1alpha1","served":true,"storage":true,"subresources":{"status":{}},
"schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}"""

/** Every verb of a typed client on a CRD, through a user's kube-codegen class (CukCluster). */
class CustomResourceTypedSpec : ConformanceSpec({
    val crds = client.apiextensionsV1().customResourceDefinitions()
    var createdCrd = false

    beforeSpec {
        // The CRD's name is fixed by the generated class; one that exists already is used and left alone.
        if (crds.getOrNull("cukclusters.dubhe.welkin") == null) {
            crds.create(CustomResourceDefinition.TYPE.decode(CRD))
            createdCrd = true
        }
        eventually<Any>("cukclusters.dubhe.welkin to be served", seconds = 60) { // a real server serves a new CRD after it is established
            runCatching { client.resources<CukCluster>().namespace(namespace).list() }.getOrNull()
        }
    }
    afterSpec { if (createdCrd) runCatching { crds.delete("cukclusters.dubhe.welkin") } }

    test("the model class and the resource type reach the same resource, lists typed as the generated list") {
        val byClass = client.resources<CukCluster>().namespace(namespace)
        val byType = client.resources(CukCluster.RESOURCE, CukClusterList.TYPE).namespace(namespace)
        byClass.create(CukCluster { metadata { name = "c1" }; spec { size = 3; version = "1.0" } })
        val list: CukClusterList = byType.list()
        list.items.single().spec?.size shouldBe 3
    }

    test("get, update, updateStatus, merge patch, watch and delete on the custom resource") {
        val clusters = client.resources(CukCluster.RESOURCE, CukClusterList.TYPE).namespace(namespace)
        val start = clusters.list().metadata?.resourceVersion
        coroutineScope {
            val events = async { withTimeout(20_000) { clusters.watch { resourceVersion = start; fieldSelector = "metadata.name=c2" }.take(5).toList() } }
            val created = clusters.create(CukCluster { metadata { name = "c2" }; spec { size = 1 } })
            val updated = clusters.update(created.edit { spec { size = 2 } })
            updated.spec?.size shouldBe 2
            val withStatus = clusters.updateStatus(updated.edit { status { phase = "Ready" } })
            withStatus.status?.phase shouldBe "Ready"
            clusters.patch("c2", PatchType.MERGE, """{"spec":{"version":"2.0"}}""").spec?.version shouldBe "2.0"
            clusters.get("c2").spec?.size shouldBe 2
            clusters.delete("c2").isGone shouldBe true
            clusters.getOrNull("c2").shouldBeNull()
            events.await().map { it.type.name } shouldBe listOf("ADDED", "MODIFIED", "MODIFIED", "MODIFIED", "DELETED")
        }
    }

    test("a strategic merge patch of a custom resource is refused with 415, as a real server does") {
        val clusters = client.resources<CukCluster>().namespace(namespace)
        clusters.create(CukCluster { metadata { name = "c3" } })
        shouldThrow<ApiException> { clusters.patch("c3", PatchType.STRATEGIC_MERGE, """{"spec":{"size":1}}""") }
            .isUnsupportedMediaType shouldBe true
    }
})
