package io.kubekt.test.http

import io.kubekt.test.api.Statuses
import io.kubekt.test.core.Cluster
import io.kubekt.test.core.DeleteOptions
import io.kubekt.test.core.ListOptions
import io.kubekt.test.core.Patches
import io.kubekt.test.core.Scales
import io.kubekt.test.store.Objects
import io.ktor.server.application.ApplicationCall
import io.ktor.server.request.header
import io.ktor.server.request.receiveText
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.withTimeoutOrNull
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.buildJsonArray
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import java.time.Duration

/** The verbs on resource paths: get, list, create, update, patch, delete, deletecollection and subresources. */
internal class ResourceEndpoints(
    private val cluster: Cluster,
    private val watches: WatchEndpoint,
    private val resourceVersionWait: Duration,
) {
    private val patches = Patches(cluster)

    suspend fun handle(call: ApplicationCall, route: Route.Resource, verb: String, query: Map<String, String>, user: UserInfo) {
        val view = Presentation(route.type, route.version, call.request.header("Accept"))
        val dryRun = dryRun(query)
        when (verb) {
            "get" -> {
                val rv = query["resourceVersion"]?.takeIf { it.isNotEmpty() }?.toLongOrNull()
                rv?.let { awaitResourceVersion(it) }
                val obj = cluster.reads.get(route.type, route.namespace, route.name!!, rv)
                val shown = if (route.subresource == "scale") Scales.toScale(route.type, obj) else view.present(obj)
                Responses.json(call, 200, shown)
            }
            "list" -> {
                val options = ListOptions.parse(route.type, query)
                options.rv?.let { awaitResourceVersion(it) }
                Responses.json(call, 200, ListRendering.render(view, cluster.reads.list(route.type, route.namespace, options)))
            }
            "watch" -> watches.watch(call, route, ListOptions.parse(route.type, query), view)
            "create" -> create(call, route, query, dryRun, user, view)
            "update" -> {
                val body = body(call)
                val result = if (route.subresource == "scale") {
                    cluster.locked { Scales.update(cluster, route.type, cluster.require(route.type, route.namespace, route.name!!), body, dryRun) }
                } else {
                    view.present(cluster.writes.update(route.type, route.namespace, route.name!!, body, route.subresource, dryRun, manager(call, query)))
                }
                Responses.json(call, 200, result)
            }
            "patch" -> {
                val request = Patches.Request(
                    call.request.header("Content-Type") ?: "", call.receiveText(), route.subresource, dryRun,
                    query["fieldManager"], query["force"], manager(call, query),
                )
                val result = patches.patch(route.type, route.namespace, route.name!!, request)
                Responses.json(call, if (result.created) 201 else 200, if (route.subresource == "scale") result.obj else view.present(result.obj))
            }
            "delete" -> {
                val result = cluster.deletes.delete(route.type, route.namespace, route.name!!, deleteOptions(call, query, dryRun))
                Responses.json(call, 200, if (Objects.text(result["kind"]) == "Status") result else view.present(result))
            }
            "deletecollection" -> {
                val options = ListOptions.parse(route.type, query)
                val deleteOptions = deleteOptions(call, query, dryRun)
                val deleted = cluster.locked {
                    val items = cluster.reads.list(route.type, route.namespace, options).items
                    cluster.deletes.deleteAll(route.type, items, deleteOptions) to cluster.store.resourceVersion
                }
                Responses.json(call, 200, ListRendering.render(view, deleted.first, deleted.second))
            }
        }
    }

    private suspend fun create(call: ApplicationCall, route: Route.Resource, query: Map<String, String>, dryRun: Boolean, user: UserInfo, view: Presentation) {
        val body = body(call)
        if (route.type.group == "authentication.k8s.io" && route.type.plural == "selfsubjectreviews") {
            Responses.json(call, 201, selfSubjectReview(user))
            return
        }
        Responses.json(call, 201, view.present(cluster.writes.create(route.type, route.namespace, body, dryRun, manager(call, query))))
    }

    /** The field manager of a write: the `fieldManager` parameter, else the user agent up to its first `/`, as the API server derives it. */
    private fun manager(call: ApplicationCall, query: Map<String, String>): String =
        query["fieldManager"]?.takeIf { it.isNotEmpty() } ?: (call.request.header("User-Agent") ?: "").substringBefore('/').take(128)

    private fun selfSubjectReview(user: UserInfo) = buildJsonObject {
        put("kind", "SelfSubjectReview")
        put("apiVersion", "authentication.k8s.io/v1")
        put("metadata", buildJsonObject { put("creationTimestamp", Objects.timestamp()) })
        put("status", buildJsonObject {
            put("userInfo", buildJsonObject {
                put("username", user.name)
                put("groups", buildJsonArray { user.groups.forEach { add(kotlinx.serialization.json.JsonPrimitive(it)) } })
            })
        })
    }

    /** Waits briefly for a resourceVersion not yet reached, as the watch cache does before answering "Too large". */
    private suspend fun awaitResourceVersion(rv: Long) {
        if (rv <= cluster.store.resourceVersions.value) return
        withTimeoutOrNull(resourceVersionWait.toMillis()) { cluster.store.resourceVersions.first { it >= rv } }
    }

    private suspend fun body(call: ApplicationCall): JsonObject {
        val text = call.receiveText()
        return runCatching { Json.parseToJsonElement(text) as JsonObject }.getOrElse {
            throw Statuses.badRequest("the body of the request could not be decoded as a JSON object")
        }
    }

    private fun dryRun(query: Map<String, String>): Boolean = when (val value = query["dryRun"]) {
        null, "" -> false
        "All" -> true
        else -> throw Statuses.badRequest("dryRun: Unsupported value: \"$value\": supported values: \"All\"")
    }

    private suspend fun deleteOptions(call: ApplicationCall, query: Map<String, String>, dryRun: Boolean): DeleteOptions {
        val text = if (hasBody(call)) call.receiveText() else ""
        val body = if (text.isBlank()) null else runCatching { Json.parseToJsonElement(text) as JsonObject }.getOrNull()
        val orphan = query["orphanDependents"] ?: Objects.text(body?.get("orphanDependents"))
        val policy = query["propagationPolicy"] ?: Objects.text(body?.get("propagationPolicy"))
            ?: when (orphan) { "true" -> "Orphan"; "false" -> "Background"; else -> null }
        val bodyDryRun = (body?.get("dryRun") as? kotlinx.serialization.json.JsonArray)?.any { Objects.text(it) == "All" } == true
        return DeleteOptions(
            propagationPolicy = policy,
            gracePeriodSeconds = query["gracePeriodSeconds"]?.toLongOrNull() ?: Objects.long(body?.get("gracePeriodSeconds")),
            preconditionUid = Objects.text(Objects.at(body ?: JsonObject(emptyMap()), "preconditions.uid")),
            preconditionResourceVersion = Objects.text(Objects.at(body ?: JsonObject(emptyMap()), "preconditions.resourceVersion")),
            dryRun = dryRun || bodyDryRun,
        )
    }

    /** A DELETE may carry DeleteOptions; one without Content-Length or Content-Type has none (reading it would wait). */
    private fun hasBody(call: ApplicationCall): Boolean {
        val length = call.request.header("Content-Length")?.toLongOrNull()
        return if (length != null) length > 0 else call.request.header("Content-Type") != null || call.request.header("Transfer-Encoding") != null
    }
}
