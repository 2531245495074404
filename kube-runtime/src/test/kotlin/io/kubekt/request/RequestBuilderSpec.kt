package io.kubekt.request

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonArray
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import java.time.Duration
import kotlin.time.Duration.Companion.seconds

@Serializable
private data class Labels(val app: String, val tier: String? = null)

class RequestBuilderSpec : FunSpec({
    fun get() = RequestBuilder(Verb.GET)

    context("paths") {
        withData(
            nameFn = { it.first },
            "core list in a namespace" to (get().namespace("kube-system").resource("pods") to "/api/v1/namespaces/kube-system/pods"),
            "core get by name" to (get().namespace("a").resource("pods").name("web-0") to "/api/v1/namespaces/a/pods/web-0"),
            "core subresource" to
                (get().namespace("a").resource("pods").name("web-0").subresource("log") to "/api/v1/namespaces/a/pods/web-0/log"),
            "cluster-scoped list" to (get().resource("nodes") to "/api/v1/nodes"),
            "cluster-scoped get" to (get().resource("namespaces").name("dev") to "/api/v1/namespaces/dev"),
            "all namespaces" to (get().groupVersion("apps", "v1").resource("deployments") to "/apis/apps/v1/deployments"),
            "named group in a namespace" to
                (get().groupVersion("apps", "v1").namespace("a").resource("deployments").name("web").subresource("scale") to
                    "/apis/apps/v1/namespaces/a/deployments/web/scale"),
            "core group spelled out" to (get().groupVersion("", "v1").resource("nodes") to "/api/v1/nodes"),
            "absolute path" to (get().absPath("/version") to "/version"),
            "absolute path in pieces, slashes collapsed" to (get().absPath("/apis/", "/apps//v1/") to "/apis/apps/v1"),
            "absolute path then namespace and resource" to
                (get().absPath("/apis/example.com/v1").namespace("a").resource("widgets") to "/apis/example.com/v1/namespaces/a/widgets"),
            "suffix after a proxy subresource" to
                (get().namespace("a").resource("services").name("web:http").subresource("proxy").suffix("/healthz/ready") to
                    "/api/v1/namespaces/a/services/web:http/proxy/healthz/ready"),
            "no resource: the group/version root" to (get().groupVersion("apps", "v1") to "/apis/apps/v1"),
        ) { (_, case) ->
            val (builder, path) = case
            builder.build().path shouldBe path
        }
    }

    test("characters outside a path segment's alphabet are percent-encoded, ':' and '@' stay") {
        get().resource("clusterroles").name("system:controller:a b@c?é").build().path shouldBe
            "/api/v1/clusterroles/system:controller:a%20b@c%3F%C3%A9"
    }

    context("invalid path segments are refused at the call that passes them, naming the part") {
        withData(
            nameFn = { "${it.first} \"${it.second}\"" },
            Triple("namespace", "", "namespace must not be empty"),
            Triple("namespace", "..", "namespace must not be \"..\""),
            Triple("name", ".", "name must not be \".\""),
            Triple("name", "a/b", "name \"a/b\" must not contain '/' or '%'"),
            Triple("resource", "pods%2F", "resource \"pods%2F\" must not contain '/' or '%'"),
            Triple("subresource", "", "subresource must not be empty"),
            Triple("version", "", "version must not be empty"),
            Triple("group", "a/b", "group \"a/b\" must not contain '/' or '%'"),
        ) { (part, value, message) ->
            val e = shouldThrow<IllegalArgumentException> {
                when (part) {
                    "namespace" -> get().namespace(value)
                    "name" -> get().name(value)
                    "resource" -> get().resource(value)
                    "subresource" -> get().subresource(value)
                    "version" -> get().groupVersion("apps", value)
                    else -> get().groupVersion(value, "v1")
                }
            }
            e.message shouldBe message
        }
    }

    test("an absolute path with a query, a fragment or a dot segment is refused") {
        shouldThrow<IllegalArgumentException> { get().absPath("/api/v1/pods?limit=1") }.message shouldContain "param(name, value)"
        shouldThrow<IllegalArgumentException> { get().absPath("/api#x") }.message shouldContain "'#'"
        shouldThrow<IllegalArgumentException> { get().absPath("/api/../secrets") }.message shouldContain "\"..\" segment"
    }

    test("inconsistent combinations fail at build") {
        shouldThrow<IllegalStateException> { get().name("x").build() }.message shouldBe "name \"x\" is set without a resource"
        shouldThrow<IllegalStateException> { get().resource("pods").subresource("log").build() }.message shouldBe
            "subresource \"log\" is set without a name"
        shouldThrow<IllegalStateException> { RequestBuilder(Verb.WATCH).resource("pods").name("web").build() }
            .message shouldContain "fieldSelector metadata.name=web"
        shouldThrow<IllegalStateException> { RequestBuilder(Verb.PATCH).resource("pods").name("a").body("{}").build() }
            .message shouldContain "patch type"
    }

    context("the verb") {
        test("a GET of a collection is a LIST, of a name a GET, of a plain path a GET") {
            get().resource("pods").build().verb shouldBe Verb.LIST
            get().resource("pods").name("a").build().verb shouldBe Verb.GET
            get().absPath("/version").build().verb shouldBe Verb.GET
        }
        test("a DELETE of a collection is a DELETE_COLLECTION") {
            RequestBuilder(Verb.DELETE).namespace("a").resource("pods").build().verb shouldBe Verb.DELETE_COLLECTION
            RequestBuilder(Verb.DELETE).namespace("a").resource("pods").name("x").build().verb shouldBe Verb.DELETE
        }
        test("the HTTP method follows the verb") {
            RequestBuilder(Verb.CREATE).resource("namespaces").build().method shouldBe "POST"
            RequestBuilder(Verb.UPDATE).resource("namespaces").name("a").build().method shouldBe "PUT"
        }
    }

    test("a watch sets watch=true first, is streamed, and keeps the list options") {
        val request = RequestBuilder(Verb.WATCH).namespace("a").resource("configmaps")
            .params(ListOptions(resourceVersion = "13385", timeoutSeconds = 2, fieldSelector = "metadata.name=page-3")).build()
        request.verb shouldBe Verb.WATCH
        request.method shouldBe "GET"
        request.streaming shouldBe true
        request.pathAndQuery() shouldBe
            "/api/v1/namespaces/a/configmaps?watch=true&fieldSelector=metadata.name%3Dpage-3&resourceVersion=13385&timeoutSeconds=2"
    }

    test("requests other than watches are not streamed unless asked") {
        get().resource("pods").build().streaming shouldBe false
        get().namespace("a").resource("pods").name("p").subresource("log").build(streaming = true).streaming shouldBe true
    }

    test("free-form params keep their order and may repeat, after the options") {
        get().resource("pods").params(ListOptions(limit = 5)).param("dryRun", "All").param("x", "1").param("x", "2")
            .build().query shouldBe listOf("limit" to "5", "dryRun" to "All", "x" to "1", "x" to "2")
    }

    context("bodies") {
        test("bytes and text default to JSON") {
            val r = RequestBuilder(Verb.CREATE).resource("namespaces").body("""{"a":1}""").build()
            r.body!!.decodeToString() shouldBe """{"a":1}"""
            r.contentType shouldBe "application/json"
            RequestBuilder(Verb.CREATE).resource("x").body(byteArrayOf(1, 2), "application/octet-stream").build()
                .contentType shouldBe "application/octet-stream"
        }
        test("a serializable object is encoded with its class's serializer, nulls left out") {
            RequestBuilder(Verb.CREATE).resource("x").body(Labels("web")).build().body!!.decodeToString() shouldBe """{"app":"web"}"""
            RequestBuilder(Verb.CREATE).resource("x").body(Labels("web", "db"), Labels.serializer()).build()
                .body!!.decodeToString() shouldBe """{"app":"web","tier":"db"}"""
        }
        test("a JSON tree is encoded as is") {
            val patch = buildJsonArray { add(buildJsonObject { put("op", "remove"); put("path", JsonPrimitive("/data/a")) }) }
            RequestBuilder(Verb.PATCH).resource("x").name("y").patchType(PatchType.JSON).body(patch).build()
                .body!!.decodeToString() shouldBe """[{"op":"remove","path":"/data/a"}]"""
        }
        test("an object without a serializer is refused with advice") {
            shouldThrow<IllegalArgumentException> { get().body(Any()) }.message shouldContain "annotate it with @Serializable"
        }
        test("a patch body takes the patch type's content type unless one is given") {
            fun patch(type: PatchType) = RequestBuilder(Verb.PATCH).resource("x").name("y").patchType(type).body("{}").build()
            patch(PatchType.MERGE).contentType shouldBe "application/merge-patch+json"
            patch(PatchType.STRATEGIC_MERGE).contentType shouldBe "application/strategic-merge-patch+json"
            patch(PatchType.APPLY).contentType shouldBe "application/apply-patch+yaml"
            RequestBuilder(Verb.PATCH).resource("x").name("y").body("{}", "application/json-patch+json").build()
                .contentType shouldBe "application/json-patch+json"
        }
        test("no body, no content type") {
            get().resource("pods").build().contentType shouldBe null
        }
        test("the body is copied: later changes to the caller's array do not leak in") {
            val bytes = "abc".toByteArray()
            val r = RequestBuilder(Verb.CREATE).resource("x").body(bytes).build()
            bytes[0] = 'z'.code.toByte()
            r.body!!.decodeToString() shouldBe "abc"
        }
    }

    context("headers and timeouts") {
        test("headers are kept, a later value replaces an earlier one") {
            get().resource("pods").header("Accept", "a").header("Accept", "application/json").header("X-A", "1").build()
                .headers shouldBe mapOf("Accept" to "application/json", "X-A" to "1")
        }
        test("header injection is refused") {
            shouldThrow<IllegalArgumentException> { get().header("X-A", "1\r\nEvil: yes") }.message shouldBe
                "header X-A must not contain a line break"
            shouldThrow<IllegalArgumentException> { get().header("Bad Name", "1") }
        }
        test("a per-request timeout is carried, in either duration type, and must be positive") {
            get().resource("pods").timeout(Duration.ofSeconds(5)).build().timeout shouldBe Duration.ofSeconds(5)
            get().resource("pods").timeout(7.seconds).build().timeout shouldBe Duration.ofSeconds(7)
            get().resource("pods").build().timeout shouldBe null
            shouldThrow<IllegalArgumentException> { get().timeout(Duration.ZERO) }
        }
    }

    test("equal builders build equal requests, and toString shows no body or header") {
        fun make() = RequestBuilder(Verb.CREATE).namespace("a").resource("secrets").header("Authorization", "Bearer s3cret")
            .body("""{"data":{"password":"aHVudGVyMg=="}}""")
        make().build() shouldBe make().build()
        make().build().toString() shouldBe "POST /api/v1/namespaces/a/secrets"
    }
})
