package io.kubekt.conformance.rest

import io.kotest.matchers.longs.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kubekt.api.apps.v1.Deployment
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.apiError
import io.kubekt.conformance.support.configMapJson
import io.kubekt.conformance.support.deploymentJson
import io.kubekt.conformance.support.str
import io.kubekt.request.PatchType
import kotlinx.serialization.json.JsonObject

/** Update: optimistic concurrency, generation, status and scale subresources (transcripts 13, 31, 35, 36). */
class UpdateSpec : ConformanceSpec({
    val apps = { target.client.rest("apps", "v1") }

    test("an update with the current resourceVersion succeeds and gets a newer one; a stale one is 409 Conflict (transcript 13)") {
        val created = rest.post().namespace(namespace).resource("configmaps").body(configMapJson("cm1", data = mapOf("a" to "1"))).execute<ConfigMap>()
        val updated = rest.put().namespace(namespace).resource("configmaps").name("cm1")
            .body(created.edit { data("a" to "2") }).execute<ConfigMap>()
        updated.metadata!!.resourceVersion!!.toLong() shouldBeGreaterThan created.metadata!!.resourceVersion!!.toLong()
        updated.data shouldBe mapOf("a" to "2")

        val e = apiError {
            rest.put().namespace(namespace).resource("configmaps").name("cm1").body(created.edit { data("a" to "3") }).execute<ConfigMap>()
        }
        e.code shouldBe 409
        e.reason shouldBe "Conflict"
        e.status.message shouldBe "Operation cannot be fulfilled on configmaps \"cm1\": the object has been modified; " +
            "please apply your changes to the latest version and try again"
        e.status.details!!.name shouldBe "cm1"
        e.status.details!!.kind shouldBe "configmaps"
    }

    test("an update without a resourceVersion overwrites unconditionally") {
        rest.post().namespace(namespace).resource("configmaps").body(configMapJson("free")).executeJson()
        val updated = rest.put().namespace(namespace).resource("configmaps").name("free")
            .body(configMapJson("free", data = mapOf("x" to "y"))).execute<ConfigMap>()
        updated.data shouldBe mapOf("x" to "y")
    }

    test("an update of a missing object is 404 NotFound") {
        val e = apiError { rest.put().namespace(namespace).resource("configmaps").name("ghost").body(configMapJson("ghost")).executeJson() }
        e.code shouldBe 404
        e.status.message shouldBe "configmaps \"ghost\" not found"
    }

    test("an update whose body names another object is 400 BadRequest") {
        rest.post().namespace(namespace).resource("configmaps").body(configMapJson("named")).executeJson()
        val e = apiError { rest.put().namespace(namespace).resource("configmaps").name("named").body(configMapJson("other")).executeJson() }
        e.code shouldBe 400
        e.reason shouldBe "BadRequest"
    }

    test("a Deployment's generation starts at 1 and is bumped by spec changes, not by label changes (transcript 31)") {
        val created = apps().post().namespace(namespace).resource("deployments").body(deploymentJson("gen")).execute<Deployment>()
        created.metadata!!.generation shouldBe 1L
        val labelled = apps().patch(PatchType.MERGE).namespace(namespace).resource("deployments").name("gen")
            .body("""{"metadata":{"labels":{"x":"y"}}}""").execute<Deployment>()
        labelled.metadata!!.generation shouldBe 1L
        val scaled = apps().patch(PatchType.MERGE).namespace(namespace).resource("deployments").name("gen")
            .body("""{"spec":{"replicas":3}}""").execute<Deployment>()
        scaled.metadata!!.generation shouldBe 2L
    }

    test("a ConfigMap has no generation, even after updates") {
        rest.post().namespace(namespace).resource("configmaps").body(configMapJson("nogen")).executeJson()
        val patched = rest.patch(PatchType.MERGE).namespace(namespace).resource("configmaps").name("nogen")
            .body("""{"data":{"a":"b"}}""").execute<ConfigMap>()
        patched.metadata!!.generation shouldBe null
    }

    test("the status subresource ignores spec, and the main resource ignores status (transcript 36)") {
        apps().post().namespace(namespace).resource("deployments").body(deploymentJson("web", replicas = 2)).executeJson()
        val viaStatus = apps().patch(PatchType.MERGE).namespace(namespace).resource("deployments").name("web").subresource("status")
            .body("""{"spec":{"replicas":9},"status":{"observedGeneration":1}}""").execute<Deployment>()
        viaStatus.spec!!.replicas shouldBe 2
        viaStatus.metadata!!.generation shouldBe 1L
        val viaMain = apps().patch(PatchType.MERGE).namespace(namespace).resource("deployments").name("web")
            .body("""{"status":{"replicas":42}}""").execute<Deployment>()
        viaMain.status?.replicas shouldNotBe 42
    }

    test("the scale subresource reads and writes spec.replicas as an autoscaling/v1 Scale (transcript 35)") {
        apps().post().namespace(namespace).resource("deployments").body(deploymentJson("scaled", replicas = 5)).executeJson()
        val scale = apps().get().namespace(namespace).resource("deployments").name("scaled").subresource("scale").executeJson() as JsonObject
        scale.str("kind") shouldBe "Scale"
        scale.str("apiVersion") shouldBe "autoscaling/v1"
        scale.str("metadata.name") shouldBe "scaled"
        scale.str("spec.replicas") shouldBe "5"
        scale.str("status.selector") shouldBe "app=scaled"
        val body = """{"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"scaled","namespace":"$namespace"},"spec":{"replicas":1}}"""
        val written = apps().put().namespace(namespace).resource("deployments").name("scaled").subresource("scale").body(body).executeJson()
        written.str("spec.replicas") shouldBe "1"
        apps().get().namespace(namespace).resource("deployments").name("scaled").execute<Deployment>().spec!!.replicas shouldBe 1
    }
})
