package io.kubekt.dsl

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeSameInstanceAs
import io.kubekt.api.GroupVersionKind
import io.kubekt.api.IntOrString
import io.kubekt.api.Quantity
import io.kubekt.testcrd.CukModels
import io.kubekt.testcrd.dubhe.v1alpha1.CukCluster
import io.kubekt.testcrd.dubhe.v1alpha1.CukClusterList

/** Models kube-codegen wrote from a CRD's /openapi/v2 (src/test/openapi), compiled outside kube-models as a user's would be. */
class CrdModelSpec : FunSpec({
    test("custom resources from a real API server round-trip byte for byte through generated CRD models") {
        val text = javaClass.getResource("/dubhe.welkin-v1alpha1-cukclusters.json")!!.readText().removeSuffix("\n")
        val list = CukClusterList.TYPE.decode(text)
        list.items.map { it.spec?.size } shouldBe listOf(3, 3)
        list.toJson() shouldBe text
    }

    test("generated CRD models have builders, resource metadata and a registry") {
        val c = CukCluster {
            metadata { name = "gamma"; namespace = "default" }
            spec { size = 3; resource("memory", Quantity.parse("1Gi")); member { name = "m1"; port = IntOrString.of(7000) } }
        }
        c.toJson() shouldBe """{"apiVersion":"dubhe.welkin/v1alpha1","kind":"CukCluster","metadata":{"name":"gamma","namespace":"default"},""" +
            """"spec":{"members":[{"name":"m1","port":7000}],"resources":{"memory":"1Gi"},"size":3}}"""
        c.edit { spec { size = 4 } }.spec!!.members!!.single().name shouldBe "m1"
        CukCluster.RESOURCE.plural shouldBe "cukclusters"
        CukCluster.RESOURCE.namespaced shouldBe true
        CukCluster.RESOURCE.subresources shouldBe listOf("status")
        CukCluster.RESOURCE.verbs shouldBe listOf("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection")
        CukModels.modelType(GroupVersionKind("dubhe.welkin", "v1alpha1", "CukCluster")) shouldBeSameInstanceAs CukCluster.TYPE
        CukClusterList.TYPE.fieldAt("items.spec.members")!!.listMapKeys shouldBe listOf("name")
    }
})
