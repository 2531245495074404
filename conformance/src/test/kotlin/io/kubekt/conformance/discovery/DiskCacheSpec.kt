package io.kubekt.conformance.discovery

import io.kotest.core.spec.style.FunSpec
import io.kotest.engine.spec.tempdir
import io.kotest.matchers.booleans.shouldBeTrue
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kubekt.api.meta.v1.APIGroupList
import io.kubekt.api.meta.v1.APIResourceList
import io.kubekt.conformance.dynamic.TestCluster
import io.kubekt.discovery.DiskCache
import io.kubekt.discovery.ResourceList
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.time.Instant
import kotlin.io.path.walk
import kotlin.time.Duration.Companion.minutes

/** Discovery requests kube-test has counted since the last reset; null on a real cluster (no counters). */
private fun discoveryRequests(): Long? = TestCluster.server?.requests?.let { it.countPath("/api") + it.countPath("/apis") }

private fun jsonFiles(folder: Path): List<Path> = folder.walk().filter { it.fileName.toString().endsWith(".json") }.toList()

private fun setAge(folder: Path, age: java.time.Duration): FileTime {
    val time = FileTime.from(Instant.now().minus(age).truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
    jsonFiles(folder).forEach { Files.setLastModifiedTime(it, time) }
    return time
}

private fun names(lists: List<ResourceList>) = lists.flatMap { l -> l.resources.map { "${l.groupVersion}/${it.name}" } }

class DiskCacheSpec : FunSpec({
    test("the first client writes kubectl's layout in a folder per server") {
        val dir = tempdir().toPath()
        TestCluster.client().use { client ->
            val discovery = client.discovery(DiskCache(ttl = 60.minutes, directory = dir))
            discovery.serverResources()
            val folder = discovery.cacheFolder!!
            folder.parent shouldBe dir
            folder.fileName.toString() shouldBe client.config.server.substringAfter("://").replace(Regex("[^(\\w/.)]"), "_")
            val groups = APIGroupList.TYPE.decode(Files.readAllBytes(folder.resolve("servergroups.json")))
            groups.kind shouldBe "APIGroupList"
            groups.groups!!.first().name shouldBe ""
            val core = APIResourceList.TYPE.decode(Files.readAllBytes(folder.resolve("v1/serverresources.json")))
            core.groupVersion shouldBe "v1"
            core.resources!!.any { it.name == "pods/status" }.shouldBeTrue()
            Files.isRegularFile(folder.resolve("apps/v1/serverresources.json")).shouldBeTrue()
            jsonFiles(folder).none { it.fileName.toString().endsWith(".tmp") }.shouldBeTrue()
        }
    }

    test("a second process start with the same folder is served from disk without discovery requests") {
        val dir = tempdir().toPath()
        val first = TestCluster.client().use { it.discovery(DiskCache(ttl = 60.minutes, directory = dir)).serverResources() }
        val folder = Files.list(dir).use { it.toList().single() }
        val written = setAge(folder, java.time.Duration.ofMinutes(1))
        TestCluster.server?.requests?.reset()

        val second = TestCluster.client().use { it.discovery(DiskCache(ttl = 60.minutes, directory = dir)).serverResources() }
        names(second) shouldBe names(first)
        discoveryRequests()?.let { it shouldBe 0L }
        jsonFiles(folder).all { Files.getLastModifiedTime(it) == written }.shouldBeTrue() // a fetch would have rewritten them
    }

    test("files older than the TTL are fetched again and rewritten") {
        val dir = tempdir().toPath()
        TestCluster.client().use { it.discovery(DiskCache(ttl = 60.minutes, directory = dir)).serverResources() }
        val folder = Files.list(dir).use { it.toList().single() }
        val old = setAge(folder, java.time.Duration.ofMinutes(61))
        TestCluster.server?.requests?.reset()

        TestCluster.client().use { it.discovery(DiskCache(ttl = 60.minutes, directory = dir)).serverResources() }
        discoveryRequests()?.let { it shouldBe 2L }
        Files.getLastModifiedTime(folder.resolve("servergroups.json")) shouldNotBe old
    }

    test("invalidate makes the next call ask the server and rewrite the cache") {
        val dir = tempdir().toPath()
        TestCluster.client().use { client ->
            val discovery = client.discovery(DiskCache(ttl = 60.minutes, directory = dir))
            discovery.serverResources()
            val old = setAge(discovery.cacheFolder!!, java.time.Duration.ofMinutes(1))
            TestCluster.server?.requests?.reset()
            discovery.serverGroups()
            discoveryRequests()?.let { it shouldBe 0L }

            discovery.invalidate()
            discovery.serverGroups()
            discoveryRequests()?.let { it shouldBe 2L }
            Files.getLastModifiedTime(discovery.cacheFolder!!.resolve("servergroups.json")) shouldNotBe old
        }
    }
})
