package io.kubekt.conformance.discovery

import io.kotest.engine.spec.tempdir
import io.kotest.matchers.booleans.shouldBeTrue
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kubekt.api.meta.v1.APIGroupList
import io.kubekt.api.meta.v1.APIResourceList
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.discovery.DiskCache
import io.kubekt.discovery.ResourceList
import io.kubekt.test.KubeTestServer
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.time.Duration
import java.time.Instant
import java.time.temporal.ChronoUnit
import kotlin.io.path.walk
import kotlin.time.Duration.Companion.minutes

/** Discovery requests [server] has counted since the last reset. */
private fun discoveryRequests(server: KubeTestServer): Long = server.requests.countPath("/api") + server.requests.countPath("/apis")

private fun jsonFiles(folder: Path): List<Path> = folder.walk().filter { it.fileName.toString().endsWith(".json") }.toList()

private fun setAge(folder: Path, age: Duration): FileTime {
    val time = FileTime.from(Instant.now().minus(age).truncatedTo(ChronoUnit.SECONDS))
    jsonFiles(folder).forEach { Files.setLastModifiedTime(it, time) }
    return time
}

private fun names(lists: List<ResourceList>) = lists.flatMap { l -> l.resources.map { "${l.groupVersion}/${it.name}" } }

private const val COUNTS = "counts discovery requests, which only kube-test can"

/**
 * The kubectl-compatible discovery disk cache. Each process start is a new client; what the files
 * say is checked on every target, the requests that were (not) made only on kube-test.
 */
class DiskCacheSpec : ConformanceSpec({
    val ttl = 60.minutes

    /** Discovers with a new client over a disk cache in [dir], as a new process would. */
    suspend fun discoverWithNewClient(dir: Path): List<ResourceList> =
        target.newClient {}.use { it.discovery(DiskCache(ttl = ttl, directory = dir)).serverResources() }

    /** A cache folder filled by one client and aged by [age]; answers the folder and the files' time. */
    suspend fun agedCache(dir: Path, age: Duration): Pair<Path, FileTime> {
        discoverWithNewClient(dir)
        val folder = Files.list(dir).use { it.toList().single() }
        return folder to setAge(folder, age)
    }

    test("the first client writes kubectl's layout in a folder per server") {
        val dir = tempdir().toPath()
        target.newClient {}.use { client ->
            val discovery = client.discovery(DiskCache(ttl = ttl, directory = dir))
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

    test("a second process start with the same folder is served from disk, leaving the files alone") {
        val dir = tempdir().toPath()
        val first = discoverWithNewClient(dir)
        val (folder, written) = agedCache(dir, Duration.ofMinutes(1))
        names(discoverWithNewClient(dir)) shouldBe names(first)
        jsonFiles(folder).all { Files.getLastModifiedTime(it) == written }.shouldBeTrue() // a fetch would have rewritten them
    }

    kubeTestOnly("a second process start with the same folder makes no discovery request", COUNTS) { server ->
        val dir = tempdir().toPath()
        agedCache(dir, Duration.ofMinutes(1))
        server.requests.reset()
        discoverWithNewClient(dir)
        discoveryRequests(server) shouldBe 0L
    }

    test("files older than the TTL are fetched again and rewritten") {
        val dir = tempdir().toPath()
        val (folder, old) = agedCache(dir, Duration.ofMinutes(61))
        discoverWithNewClient(dir)
        Files.getLastModifiedTime(folder.resolve("servergroups.json")) shouldNotBe old
    }

    kubeTestOnly("files older than the TTL cost one request each for /api and /apis", COUNTS) { server ->
        val dir = tempdir().toPath()
        agedCache(dir, Duration.ofMinutes(61))
        server.requests.reset()
        discoverWithNewClient(dir)
        discoveryRequests(server) shouldBe 2L
    }

    test("invalidate makes the next call ask the server and rewrite the cache") {
        val dir = tempdir().toPath()
        target.newClient {}.use { client ->
            val discovery = client.discovery(DiskCache(ttl = ttl, directory = dir))
            discovery.serverResources()
            val old = setAge(discovery.cacheFolder!!, Duration.ofMinutes(1))
            discovery.serverGroups()
            Files.getLastModifiedTime(discovery.cacheFolder!!.resolve("servergroups.json")) shouldBe old
            discovery.invalidate()
            discovery.serverGroups()
            Files.getLastModifiedTime(discovery.cacheFolder!!.resolve("servergroups.json")) shouldNotBe old
        }
    }

    kubeTestOnly("a cached client asks nothing until invalidated, then /api and /apis once each", COUNTS) { server ->
        val dir = tempdir().toPath()
        target.newClient {}.use { client ->
            val discovery = client.discovery(DiskCache(ttl = ttl, directory = dir))
            discovery.serverResources()
            server.requests.reset()
            discovery.serverGroups()
            discoveryRequests(server) shouldBe 0L
            discovery.invalidate()
            discovery.serverGroups()
            discoveryRequests(server) shouldBe 2L
        }
    }
})
