package io.kubekt.conformance.rest

import io.kotest.matchers.longs.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldMatch
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.ConformanceTarget
import io.kubekt.conformance.support.WatchLines
import io.kubekt.conformance.support.apiError
import io.kubekt.conformance.support.at
import io.kubekt.conformance.support.configMapJson
import io.kubekt.conformance.support.rv
import io.kubekt.conformance.support.str
import io.kubekt.request.ListOptions
import io.kubekt.request.PatchType
import io.kubekt.request.ResourceVersionMatch
import io.kubekt.error.ApiException
import kotlinx.coroutines.flow.toList
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.coroutines.withTimeout
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

/** Watch: framing, resume from a resourceVersion, selectors, timeouts, bookmarks, WatchList (transcripts 22-24). */
class WatchSpec : ConformanceSpec({
    fun configMaps() = rest.get().namespace(namespace).resource("configmaps")
    fun watch(options: ListOptions) = rest.watch().namespace(namespace).resource("configmaps").params(options).stream()
    suspend fun create(name: String, labels: Map<String, String> = emptyMap()) =
        rest.post().namespace(namespace).resource("configmaps").body(configMapJson(name, labels)).executeJson()
    suspend fun currentRv() = configMaps().executeJson().rv()

    test("events after a resourceVersion arrive in order, one JSON object per line, with newer resourceVersions (transcript 23)") {
        create("page-1", mapOf("app" to "page"))
        create("page-2", mapOf("app" to "page"))
        val from = currentRv()
        rest.patch(PatchType.MERGE).namespace(namespace).resource("configmaps").name("page-1").body("""{"data":{"k":"v"}}""").executeJson()
        rest.delete().namespace(namespace).resource("configmaps").name("page-2").executeJson()
        WatchLines(this, watch(ListOptions(resourceVersion = from.toString(), labelSelector = "app=page"))).use { w ->
            val modified = w.next()!!
            modified.keys shouldBe setOf("type", "object")
            modified.str("type") shouldBe "MODIFIED"
            modified.str("object.kind") shouldBe "ConfigMap"
            modified.str("object.apiVersion") shouldBe "v1"
            modified.str("object.metadata.name") shouldBe "page-1"
            modified.str("object.data.k") shouldBe "v"
            val deleted = w.next()!!
            deleted.str("type") shouldBe "DELETED"
            deleted.str("object.metadata.name") shouldBe "page-2"
            deleted.at("object")!!.rv() shouldBeGreaterThan modified.at("object")!!.rv()
            modified.at("object")!!.rv() shouldBeGreaterThan from
        }
    }

    test("an event arrives while the stream is open") {
        val from = currentRv()
        WatchLines(this, watch(ListOptions(resourceVersion = from.toString(), fieldSelector = "metadata.name=live"))).use { w ->
            w.next(300.milliseconds) shouldBe null
            create("live")
            val added = w.next()!!
            added.str("type") shouldBe "ADDED"
            added.str("object.metadata.name") shouldBe "live"
        }
    }

    test("without a resourceVersion the watch starts with ADDED events for every current object") {
        create("initial-1", mapOf("app" to "initial"))
        create("initial-2", mapOf("app" to "initial"))
        WatchLines(this, watch(ListOptions(labelSelector = "app=initial"))).use { w ->
            val names = listOf(w.next()!!, w.next()!!).map { it.str("type") + " " + it.str("object.metadata.name") }
            names.sorted() shouldBe listOf("ADDED initial-1", "ADDED initial-2")
            w.next(300.milliseconds) shouldBe null
        }
    }

    test("a label selector sees an object leave the selection as DELETED and enter it as ADDED") {
        create("mover", mapOf("app" to "in"))
        val from = currentRv()
        WatchLines(this, watch(ListOptions(resourceVersion = from.toString(), labelSelector = "app=in"))).use { w ->
            rest.patch(PatchType.MERGE).namespace(namespace).resource("configmaps").name("mover").body("""{"metadata":{"labels":{"app":"out"}}}""").executeJson()
            rest.patch(PatchType.MERGE).namespace(namespace).resource("configmaps").name("mover").body("""{"metadata":{"labels":{"app":"in"}}}""").executeJson()
            w.next()!!.str("type") shouldBe "DELETED"
            w.next()!!.str("type") shouldBe "ADDED"
        }
    }

    test("timeoutSeconds ends the stream cleanly with no events (transcript 24)") {
        val lines = withTimeout(15.seconds) {
            watch(ListOptions(resourceVersion = currentRv().toString(), timeoutSeconds = 1, fieldSelector = "metadata.name=never")).toList()
        }
        lines shouldBe emptyList()
    }

    test("resourceVersionMatch on a watch without sendInitialEvents is 422 Invalid") {
        val e = apiError {
            rest.watch().namespace(namespace).resource("configmaps")
                .params(ListOptions(resourceVersion = currentRv().toString(), resourceVersionMatch = ResourceVersionMatch.NOT_OLDER_THAN)).stream().toList()
        }
        e.code shouldBe 422
        e.reason shouldBe "Invalid"
    }

    test("sendInitialEvents streams the current state, then a BOOKMARK annotated k8s.io/initial-events-end, or is rejected as a whole") {
        create("wl-1", mapOf("app" to "wl"))
        val request = rest.watch().namespace(namespace).resource("configmaps").params(ListOptions(sendInitialEvents = true, allowWatchBookmarks = true, labelSelector = "app=wl"))
            .param("resourceVersionMatch", "NotOlderThan")
        val result = runCatching {
            WatchLines(this, request.stream()).use { w ->
                val added = w.next()!!
                added.str("type") shouldBe "ADDED"
                added.str("object.metadata.name") shouldBe "wl-1"
                val end = w.next()!!
                end.str("type") shouldBe "BOOKMARK"
                (end.at("object.metadata.annotations") as JsonObject)["k8s.io/initial-events-end"] shouldBe JsonPrimitive("true")
                end.str("object.kind") shouldBe "ConfigMap"
                end.str("object.metadata.resourceVersion") shouldNotBe null
            }
        }
        val error = result.exceptionOrNull()
        if (error is ApiException) {
            error.code shouldBe 422 // a server without WatchList rejects the request outright
        } else if (error != null) {
            throw error
        }
        if (target.isKubeTest) result.isSuccess shouldBe true
    }

    timingTest("with allowWatchBookmarks an idle watch gets BOOKMARKs carrying the latest resourceVersion", "real servers send bookmarks about once a minute") {
        val from = currentRv()
        WatchLines(this, watch(ListOptions(resourceVersion = from.toString(), allowWatchBookmarks = true, fieldSelector = "metadata.name=quiet"))).use { w ->
            val bookmark = w.next((ConformanceTarget.BOOKMARK_INTERVAL.toMillis() * 6).milliseconds)!!
            bookmark.str("type") shouldBe "BOOKMARK"
            bookmark.str("object.kind") shouldBe "ConfigMap"
            bookmark.str("object.apiVersion") shouldBe "v1"
            bookmark.str("object.metadata.resourceVersion")!! shouldMatch Regex("\\d+")
            bookmark.str("object.metadata.resourceVersion")!!.toLong() shouldBeGreaterThan from - 1
        }
    }

    test("a watch without allowWatchBookmarks gets no BOOKMARK") {
        val from = currentRv()
        WatchLines(this, watch(ListOptions(resourceVersion = from.toString(), fieldSelector = "metadata.name=quiet"))).use { w ->
            val wait = if (target.isKubeTest) ConformanceTarget.BOOKMARK_INTERVAL.toMillis() * 3 else 2000
            w.next(wait.milliseconds) shouldBe null
        }
    }

    test("a metadata-only watch sends PartialObjectMetadata objects") {
        val from = currentRv()
        WatchLines(this, rest.watch().namespace(namespace).resource("configmaps").params(ListOptions(resourceVersion = from.toString(), fieldSelector = "metadata.name=meta"))
            .header("Accept", "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1").stream()).use { w ->
            create("meta")
            val event = w.next()!!
            event.str("type") shouldBe "ADDED"
            event.str("object.kind") shouldBe "PartialObjectMetadata"
            event.str("object.apiVersion") shouldBe "meta.k8s.io/v1"
            event.str("object.metadata.name") shouldBe "meta"
        }
    }
})
