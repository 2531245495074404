package io.kubekt.codegen

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

class NamesSpec : FunSpec({
    test("JSON names become lowerCamel identifiers") {
        Names.property("containers") shouldBe "containers"
        Names.property("\$ref") shouldBe "ref"
        Names.property("x-kubernetes-list-map-keys") shouldBe "xKubernetesListMapKeys"
        Names.property("Port") shouldBe "port"
        Names.quoted("continue") shouldBe "`continue`"
        Names.quoted("default") shouldBe "default"
    }

    test("plural list names become singular adder names") {
        mapOf(
            "containers" to "container", "policies" to "policy", "addresses" to "address", "statuses" to "status",
            "containerStatuses" to "containerStatus", "hostAliases" to "hostAlias", "matches" to "match",
            "prefixes" to "prefix", "env" to "env", "ingress" to "ingress", "items" to "item", "causes" to "cause",
        ).forEach { (plural, single) -> Names.singular(plural) shouldBe single }
    }

    test("kinds become DSL function names with leading acronyms lowered") {
        Names.function("Pod") shouldBe "pod"
        Names.function("APIService") shouldBe "apiService"
        Names.function("CSIDriver") shouldBe "csiDriver"
        Names.function("IPAddress") shouldBe "ipAddress"
        Names.function("HorizontalPodAutoscaler") shouldBe "horizontalPodAutoscaler"
    }

    test("string literals escape quotes, backslashes and dollars") {
        Names.literal("a\"b\\c\$d") shouldBe "\"a\\\"b\\\\c\\\$d\""
    }

    test("definition names map to kubekt packages by longest prefix") {
        val m = PackageMapping(mapOf("com.example" to "org.acme.model"))
        m.className("io.k8s.api.core.v1.Pod") shouldBe "io.kubekt.api.core.v1.Pod"
        m.className("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta") shouldBe "io.kubekt.api.meta.v1.ObjectMeta"
        m.className("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition") shouldBe
            "io.kubekt.api.apiextensions.v1.CustomResourceDefinition"
        m.className("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService") shouldBe "io.kubekt.api.apiregistration.v1.APIService"
        m.className("io.k8s.apimachinery.pkg.version.Info") shouldBe "io.kubekt.api.version.Info"
        m.className("com.example.v1.Widget") shouldBe "org.acme.model.v1.Widget"
        PackageMapping().className("dubhe.welkin.v1alpha1.CukCluster") shouldBe "dubhe.welkin.v1alpha1.CukCluster"
        PackageMapping().className("my-org.v1.Thing") shouldBe "my_org.v1.Thing"
    }
})
