package io.kubekt.conformance.rest

import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldMatch
import io.kotest.matchers.string.shouldStartWith
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.api.meta.v1.Status
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.apiError
import io.kubekt.conformance.support.uniqueName

/** Create and get: server-set metadata, generateName, dry run and the errors of transcripts 08, 10, 11, 12, 37, 38. */
class CreateSpec : ConformanceSpec({
    fun cm(name: String) = ConfigMap { metadata { this.name = name }; data("a" to "1") }
    fun configMaps() = rest.post().namespace(namespace).resource("configmaps")

    test("create answers the stored object with uid, resourceVersion and creationTimestamp, and no generation") {
        val created = configMaps().body(cm("first")).execute<ConfigMap>()
        val meta = created.metadata!!
        meta.name shouldBe "first"
        meta.namespace shouldBe namespace
        meta.uid!! shouldMatch Regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
        meta.resourceVersion!!.toLong() shouldNotBe 0L
        meta.creationTimestamp.toString() shouldMatch Regex("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")
        meta.generation shouldBe null
        created.data shouldBe mapOf("a" to "1")
        val got = rest.get().namespace(namespace).resource("configmaps").name("first").execute<ConfigMap>()
        got.metadata!!.uid shouldBe meta.uid
        got.metadata!!.resourceVersion shouldBe meta.resourceVersion
    }

    test("generateName gives a name made of the prefix and five random characters") {
        val created = configMaps().body(ConfigMap { metadata { generateName = "gen-" } }).execute<ConfigMap>()
        created.metadata!!.name!! shouldMatch Regex("gen-[a-z0-9]{5}")
        created.metadata!!.generateName shouldBe "gen-"
    }

    test("creating an existing name is 409 AlreadyExists with the name and kind in details (transcript 08)") {
        configMaps().body(cm("twice")).execute<ConfigMap>()
        val e = apiError { configMaps().body(cm("twice")).execute<ConfigMap>() }
        e.code shouldBe 409
        e.reason shouldBe "AlreadyExists"
        e.status.message shouldBe "configmaps \"twice\" already exists"
        e.status.details!!.name shouldBe "twice"
        e.status.details!!.kind shouldBe "configmaps"
        e.isAlreadyExists shouldBe true
    }

    test("an invalid name is 422 Invalid with a FieldValueInvalid cause on metadata.name (transcript 10)") {
        val e = apiError { configMaps().body(cm("Bad_Name!")).execute<ConfigMap>() }
        e.code shouldBe 422
        e.reason shouldBe "Invalid"
        e.status.message!! shouldStartWith "ConfigMap \"Bad_Name!\" is invalid: metadata.name: Invalid value: \"Bad_Name!\": a DNS-1123 subdomain must consist of lower case alphanumeric characters"
        e.status.details!!.kind shouldBe "ConfigMap"
        e.status.details!!.name shouldBe "Bad_Name!"
        val cause = e.status.details!!.causes!!.first()
        cause.reason shouldBe "FieldValueInvalid"
        cause.field shouldBe "metadata.name"
    }

    test("a missing name is 422 Invalid with a FieldValueRequired cause") {
        val e = apiError { configMaps().body(ConfigMap { data("a" to "1") }).execute<ConfigMap>() }
        e.code shouldBe 422
        e.reason shouldBe "Invalid"
        e.status.details!!.causes!!.map { it.reason to it.field } shouldContainExactly listOf("FieldValueRequired" to "metadata.name")
        e.status.message shouldBe "ConfigMap \"\" is invalid: metadata.name: Required value: name or generateName is required"
    }

    test("creating in a namespace that does not exist is 404 NotFound for the namespace (transcript 11)") {
        val missing = uniqueName("missing")
        val e = apiError { rest.post().namespace(missing).resource("configmaps").body(cm("x")).execute<ConfigMap>() }
        e.code shouldBe 404
        e.status.message shouldBe "namespaces \"$missing\" not found"
        e.status.details!!.kind shouldBe "namespaces"
        e.status.details!!.name shouldBe missing
    }

    test("get of a missing object is 404 NotFound as a Status (transcript 12)") {
        val e = apiError { rest.get().namespace(namespace).resource("configmaps").name("nope").execute<ConfigMap>() }
        e.code shouldBe 404
        e.isNotFound shouldBe true
        e.status.message shouldBe "configmaps \"nope\" not found"
        e.status.status shouldBe "Failure"
        e.status.details!!.kind shouldBe "configmaps"
        e.status.details!!.name shouldBe "nope"
    }

    test("dryRun=All answers the object without a resourceVersion and stores nothing (transcripts 37, 38)") {
        val dry = configMaps().param("dryRun", "All").body(cm("dry")).execute<ConfigMap>()
        dry.metadata!!.name shouldBe "dry"
        dry.metadata!!.uid shouldNotBe null
        dry.metadata!!.resourceVersion shouldBe null
        apiError { rest.get().namespace(namespace).resource("configmaps").name("dry").executeJson() }.code shouldBe 404
    }

    test("an unknown dryRun value is 400 BadRequest") {
        val e = apiError { configMaps().param("dryRun", "Some").body(cm("dry2")).executeJson() }
        e.code shouldBe 400
        e.reason shouldBe "BadRequest"
    }

    test("a namespaced resource under no namespace path is not a create target: 405 MethodNotAllowed") {
        val e = apiError { rest.post().resource("configmaps").body(cm("nowhere")).executeJson() }
        e.code shouldBe 405
        e.reason shouldBe "MethodNotAllowed"
    }

    test("a resource that does not exist is 404 with the generic message") {
        val e = apiError { rest.get().namespace(namespace).resource("gizmos").execute<Status>() }
        e.code shouldBe 404
        e.status.message shouldBe "the server could not find the requested resource"
    }
})
