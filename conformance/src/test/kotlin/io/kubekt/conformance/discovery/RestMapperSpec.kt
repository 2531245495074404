package io.kubekt.conformance.discovery

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.shouldBe
import io.kubekt.api.GroupVersionKind
import io.kubekt.api.GroupVersionResource
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.CustomResourceDefinitions
import io.kubekt.error.NoMatchException

class RestMapperSpec : ConformanceSpec({
    test("plural, singular, short names and kinds map to the resource in its preferred version") {
        val mapper = client.discovery().restMapper()
        val pods = GroupVersionResource("", "v1", "pods")
        for (name in listOf("pods", "pod", "po", "Pod")) mapper.mappingFor(name).resource shouldBe pods
        val deployments = GroupVersionResource("apps", "v1", "deployments")
        for (name in listOf("deploy", "deployments.apps", "deployments.v1.apps")) mapper.mappingFor(name).resource shouldBe deployments
        mapper.mappingFor("deploy").kind shouldBe GroupVersionKind("apps", "v1", "Deployment")
        mapper.mappingFor(deployments).subresources shouldContainAll listOf("status", "scale")
    }

    test("kinds map to resources with their scope") {
        val mapper = client.discovery().restMapper()
        mapper.mappingForKind(GroupVersionKind("apps", "v1", "Deployment")).resource shouldBe GroupVersionResource("apps", "v1", "deployments")
        val nodes = mapper.mappingForKind("", "Node")
        nodes.resource.resource shouldBe "nodes"
        nodes.namespaced shouldBe false
        mapper.mappingForKind("", "ConfigMap").namespaced shouldBe true
    }

    test("a category lists its resources once each") {
        val all = client.discovery().restMapper().resourcesInCategory("all").map { it.resource.resource }
        all shouldContainAll listOf("pods", "services", "deployments")
        all.toSet().size shouldBe all.size
    }

    test("an unknown name is a NoMatchException naming it") {
        val mapper = client.discovery().restMapper()
        mapper.mappingFor("pods")
        shouldThrow<NoMatchException> { mapper.mappingFor("nosuchthings") }.message!!.let { it.contains("nosuchthings") shouldBe true }
    }

    kubeTestOnly("an unknown name costs one fresh discovery", "counts requests, which only kube-test can") { server ->
        val mapper = client.discovery().restMapper()
        mapper.mappingFor("pods")
        server.requests.reset()
        shouldThrow<NoMatchException> { mapper.mappingFor("nosuchthings") }
        server.requests.countPath("/apis") shouldBe 1L
    }

    test("a CRD created after the first mapping is found by refreshing on the miss") {
        val mapper = client.discovery().restMapper()
        mapper.mappingFor("pods")
        val suffix = CustomResourceDefinitions.randomLetters()
        val group = "mapper.conformance.kubekt.io"
        val plural = "gadgets$suffix"
        try {
            CustomResourceDefinitions.create(client, group, "Gadget${suffix.replaceFirstChar { it.uppercase() }}", plural, scope = "Cluster")
            val mapping = mapper.mappingFor(plural)
            mapping.resource shouldBe GroupVersionResource(group, "v1", plural)
            mapping.namespaced shouldBe false
            mapper.mappingFor("${plural.take(3)}x").resource shouldBe mapping.resource
            mapper.mappingForKind(group, "Gadget${suffix.replaceFirstChar { it.uppercase() }}").resource shouldBe mapping.resource
            mapper.resourcesInCategory("kubekt-test").map { it.resource } shouldContainAll listOf(mapping.resource)
            client.dynamic(mapping.resource).list().items shouldBe emptyList()
        } finally {
            CustomResourceDefinitions.deleteQuietly(client, "$plural.$group")
        }
    }
})
