package io.kubekt.discovery

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.engine.spec.tempdir
import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldNotContain
import io.kotest.matchers.shouldBe
import io.kubekt.api.GroupVersionKind
import io.kubekt.api.GroupVersionResource
import io.kubekt.error.NoMatchException
import java.nio.file.Files
import java.util.concurrent.CopyOnWriteArrayList
import kotlin.time.Duration.Companion.minutes

class DiscoveryClientSpec : FunSpec({
    test("aggregated discovery answers groups, resources and subresources in two requests plus one per stale version") {
        val seen = CopyOnWriteArrayList<String>()
        DiscoveryFakes.aggregated(seen).use { cluster ->
            val discovery = cluster.client.discovery()
            discovery.serverGroups().map { it.name } shouldContainExactly listOf("", "apps", "example.com")
            val lines = discovery.serverResources().flatMap { l -> l.resources.map { "${l.groupVersion}:${it.name}" } }
            lines shouldContainExactly listOf(
                "v1:pods", "v1:pods/status", "apps/v1:deployments", "apps/v1:deployments/scale",
                "example.com/v2:widgets", "example.com/v1:widgets", "example.com/v1:gizmos",
            )
            val scale = discovery.serverResourcesFor(GroupVersion("apps", "v1"))!!.resources.single { it.name == "deployments/scale" }
            scale.group shouldBe "autoscaling"
            scale.kind shouldBe "Scale"
            discovery.preferredVersion("example.com") shouldBe "v2"
            discovery.serverPreferredResources().map { it.groupVersion.toString() } shouldContainExactly listOf("v1", "apps/v1", "example.com/v2")
            seen shouldContainExactly listOf("/api", "/apis", "/apis/example.com/v1")
            discovery.serverVersion().gitVersion shouldBe "v1.33.1"
        }
    }

    test("a server without aggregated discovery is read from the legacy endpoints; failing group versions are left out") {
        val seen = CopyOnWriteArrayList<String>()
        DiscoveryFakes.legacy(seen).use { cluster ->
            val discovery = cluster.client.discovery()
            val groups = discovery.serverGroups()
            groups.first().name shouldBe ""
            groups.map { it.name } shouldContain "apps"
            val gvs = discovery.serverResources().map { it.groupVersion.toString() }
            gvs shouldContainExactly listOf("v1", "apps/v1")
            discovery.serverResourcesFor(GroupVersion("apps", "v1"))!!.resources.map { it.name } shouldContain "deployments/scale"
            discovery.preferredVersion("autoscaling") shouldBe "v1"
            seen shouldContain "/apis/batch/v1beta1"
        }
    }

    test("the memory cache answers again without requests until invalidated") {
        val seen = CopyOnWriteArrayList<String>()
        DiscoveryFakes.aggregated(seen).use { cluster ->
            val discovery = cluster.client.discovery()
            discovery.serverResources()
            discovery.serverGroups()
            seen.size shouldBe 3
            discovery.invalidate()
            discovery.serverGroups()
            seen.size shouldBe 6
        }
    }

    test("the disk cache is written in kubectl's layout and read by the next client without requests") {
        val dir = tempdir().toPath()
        DiscoveryFakes.aggregated().use { cluster ->
            val discovery = cluster.client.discovery(DiskCache(ttl = 10.minutes, directory = dir))
            discovery.serverResources()
            discovery.cacheFolder shouldBe dir.resolve("10.0.0.1_6443")
            Files.isRegularFile(dir.resolve("10.0.0.1_6443/servergroups.json")) shouldBe true
            Files.isRegularFile(dir.resolve("10.0.0.1_6443/v1/serverresources.json")) shouldBe true
            Files.isRegularFile(dir.resolve("10.0.0.1_6443/example.com/v1/serverresources.json")) shouldBe true
        }
        val seen = CopyOnWriteArrayList<String>()
        DiscoveryFakes.aggregated(seen).use { cluster ->
            val again = cluster.client.discovery(DiskCache(ttl = 10.minutes, directory = dir)).serverResources()
            again.map { it.groupVersion.toString() } shouldContainExactly listOf("v1", "apps/v1", "example.com/v2", "example.com/v1")
            again.first().resources.single { it.name == "pods" }.shortNames shouldBe listOf("po")
            seen shouldBe emptyList()
        }
    }

    test("client-go's folder name keeps word characters, dots and slashes") {
        DiskStore.folderName("https://10.0.0.1:6443") shouldBe "10.0.0.1_6443"
        DiskStore.folderName("https://kube.example.com/prefix") shouldBe "kube.example.com/prefix"
        DiskStore.folderName("http://[::1]:8080") shouldBe "___1__8080"
    }

    test("the RestMapper maps names, kinds and categories, refreshing once on a miss") {
        val seen = CopyOnWriteArrayList<String>()
        DiscoveryFakes.aggregated(seen).use { cluster ->
            val mapper = cluster.client.discovery().restMapper()
            mapper.mappingFor("po").resource shouldBe GroupVersionResource("", "v1", "pods")
            mapper.mappingFor("deploy").kind shouldBe GroupVersionKind("apps", "v1", "Deployment")
            mapper.mappingFor("deployments.v1.apps").subresources shouldBe listOf("scale")
            mapper.mappingFor("widgets").resource.version shouldBe "v2"
            mapper.mappingFor("widgets.v1.example.com").namespaced shouldBe false
            mapper.mappingFor("gizmo").resource shouldBe GroupVersionResource("example.com", "v1", "gizmos")
            mapper.mappingForKind("example.com", "Widget").resource.version shouldBe "v2"
            mapper.resourcesInCategory("all").map { it.resource.resource } shouldContainExactly listOf("pods", "deployments")
            mapper.resourcesInCategory("all").map { it.resource.resource } shouldNotContain "widgets"
            seen.size shouldBe 3
            shouldThrow<NoMatchException> { mapper.mappingFor("nothing") }
            seen.size shouldBe 6
        }
    }
})
