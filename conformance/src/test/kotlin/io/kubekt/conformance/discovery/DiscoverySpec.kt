package io.kubekt.conformance.discovery

import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldStartWith
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.discovery.GroupVersion

class DiscoverySpec : ConformanceSpec({
    test("the server version names a major and minor version") {
        val version = client.discovery().serverVersion()
        version.major.shouldNotBeNull()
        version.minor.shouldNotBeNull()
        version.gitVersion!! shouldStartWith "v"
    }

    test("groups start with the core group and name their preferred versions") {
        val groups = client.discovery().serverGroups()
        groups.first().name shouldBe ""
        groups.first().preferredVersion?.groupVersion shouldBe "v1"
        val apps = groups.single { it.name == "apps" }
        apps.versions!!.map { it.groupVersion } shouldContain "apps/v1"
        client.discovery().preferredVersion("apps") shouldBe "v1"
        client.discovery().preferredVersion("no.such.group") shouldBe null
    }

    test("resources per group version include subresources, printed as the seed demo prints them") {
        val lines = mutableListOf<String>()
        for (list in client.discovery().serverResources()) for (r in list.resources)
            lines += "name: ${r.name}, group: ${list.groupVersion.group}, version: ${list.groupVersion.version}"
        lines shouldContain "name: pods, group: , version: v1"
        lines shouldContain "name: pods/status, group: , version: v1"
        lines shouldContain "name: deployments, group: apps, version: v1"
        lines shouldContain "name: deployments/scale, group: apps, version: v1"

        val core = client.discovery().serverResourcesFor(GroupVersion("", "v1")).shouldNotBeNull()
        val pods = core.resources.single { it.name == "pods" }
        pods.namespaced shouldBe true
        pods.kind shouldBe "Pod"
        pods.singularName shouldBe "pod"
        pods.shortNames!! shouldContain "po"
        pods.verbs!! shouldContain "watch"
        val scale = client.discovery().serverResourcesFor(GroupVersion("apps", "v1"))!!.resources.single { it.name == "deployments/scale" }
        scale.kind shouldBe "Scale"
        scale.group shouldBe "autoscaling"
        client.discovery().serverResourcesFor(GroupVersion("no.such.group", "v1")) shouldBe null
    }

    test("preferred resources hold one version per group") {
        val preferred = client.discovery().serverPreferredResources()
        preferred.map { it.groupVersion.group }.toSet().size shouldBe preferred.size
        preferred.map { it.groupVersion.toString() } shouldContain "apps/v1"
    }

    kubeTestOnly("a server offering aggregated discovery is discovered without a request per group version", "counts requests, which only kube-test can") { server ->
        server.requests.reset()
        target.newClient {}.use { fresh -> fresh.discovery().serverResources() }
        server.requests.countPath("/api") shouldBe 1L
        server.requests.countPath("/apis") shouldBe 1L
        server.requests.countPath("/apis/apps/v1") shouldBe 0L
        server.requests.countPath("/api/v1") shouldBe 0L
    }
})
